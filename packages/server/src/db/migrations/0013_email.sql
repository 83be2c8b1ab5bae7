-- E-mail for notices (warnings to officers and leaders, Art. 15) when SMTP is configured: each user may give an
-- address; mails wait in an outbox written in the same transaction as the in-app message, so none is lost when
-- the mail server is down, and are sent by whichever process claims them first.

alter table app_user add column email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');

create table email_outbox (
  id               bigserial primary key,
  user_id          bigint references app_user(id),
  to_address       text not null,
  subject          text not null,
  body             text not null,
  kind             text not null,
  created_at       timestamptz(3) not null,
  next_attempt_at  timestamptz(3) not null,
  attempts         integer not null default 0,
  last_error       text,
  sent_at          timestamptz(3)
);
create index email_outbox_due_idx on email_outbox(next_attempt_at) where sent_at is null;
