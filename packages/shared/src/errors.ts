/**
 * The error body of the interface specification §1. Every 4xx/5xx answer has this shape.
 */
export interface ErrorField {
  path: string;
  message: string;
  messageEn: string;
}
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    messageEn: string;
    fields?: ErrorField[];
    requestId: string;
  };
}
