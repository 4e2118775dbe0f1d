// Twilio-shaped REST errors: the JSON body and HTTP status the real API answers with, so the twilio
// SDK raises the same RestException (status, code, message, moreInfo) against the sandbox.

/** The body Twilio returns for a failed REST call. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

/** A failed REST call, thrown by the handlers and rendered by the error middleware. */
export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'TwilioApiError';
  }

  toJSON(): TwilioErrorBody {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

/** The errors the sandbox raises, by Twilio error code. */
export const twilioErrors = {
  authenticate: () => new TwilioApiError(401, 20003, 'Authenticate'),
  notFound: (path: string) => new TwilioApiError(404, 20404, `The requested resource ${path} was not found`),
  badRequest: (message: string) => new TwilioApiError(400, 20001, message),
  toRequired: () => new TwilioApiError(400, 21604, "A 'To' phone number is required."),
  fromRequired: () => new TwilioApiError(400, 21603, "A 'From' phone number is required."),
  invalidTo: (to: string) =>
    new TwilioApiError(400, 21211, `The 'To' number ${to} is not a valid phone number.`),
  invalidFrom: (from: string) =>
    new TwilioApiError(
      400,
      21212,
      `The 'From' number ${from} is not a valid phone number, shortcode, or alpha tag.`,
    ),
  sameToFrom: () => new TwilioApiError(400, 21266, "'To' and 'From' number cannot be the same"),
  bodyRequired: () => new TwilioApiError(400, 21602, 'Message body is required.'),
  bodyTooLong: () =>
    new TwilioApiError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.'),
  invalidStatusCallback: (url: string) =>
    new TwilioApiError(400, 21609, `Invalid StatusCallback url: ${url}`),
  invalidMessagingService: (sid: string) =>
    new TwilioApiError(400, 21701, `The Messaging Service Sid ${sid} is invalid.`),
  internal: () => new TwilioApiError(500, 20500, 'Internal Server Error'),
  numberNotAvailable: (n: string) =>
    new TwilioApiError(
      400,
      21422,
      `PhoneNumber ${n} is not available. Please try again with a different PhoneNumber.`,
    ),
  noNumberFound: (areaCode: string) =>
    new TwilioApiError(400, 21452, `No phone numbers found in area code ${areaCode}.`),
  phoneNumberRequired: () => new TwilioApiError(400, 21421, 'A PhoneNumber or AreaCode is required.'),
  invalidUrl: (name: string, url: string) =>
    new TwilioApiError(400, 21402, `${name} is not a valid URL: ${url}`),
  invalidMethod: (name: string, method: string) =>
    new TwilioApiError(400, 21403, `${name} is not a valid HTTP method: ${method}`),
} as const;

// Twilio's documented test numbers ("magic numbers"), answered here with the same errors so the
// product's handling of each failure can be exercised without a real carrier.
const MAGIC_TO: Record<string, (to: string) => TwilioApiError> = {
  '+15005550001': (to) => twilioErrors.invalidTo(to),
  '+15005550002': (to) =>
    new TwilioApiError(
      400,
      21612,
      `The 'To' phone number: ${to}, is not currently reachable using the 'From' phone number via SMS.`,
    ),
  '+15005550003': (to) =>
    new TwilioApiError(
      400,
      21408,
      `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${to}.`,
    ),
  '+15005550004': () => new TwilioApiError(400, 21610, 'Attempt to send to unsubscribed recipient'),
  '+15005550009': (to) => new TwilioApiError(400, 21614, `'To' number ${to} is not a valid mobile number`),
};

const MAGIC_FROM: Record<string, (from: string) => TwilioApiError> = {
  '+15005550001': (from) => twilioErrors.invalidFrom(from),
  '+15005550007': (from) =>
    new TwilioApiError(
      400,
      21606,
      `The 'From' phone number provided (${from}) is not a valid message-capable Twilio phone number for this destination.`,
    ),
  '+15005550008': (from) =>
    new TwilioApiError(
      400,
      21611,
      `This 'From' number (${from}) has exceeded the maximum number of queued messages`,
    ),
};

/** The error Twilio's test numbers provoke, if `to` or `from` is one. */
export function magicNumberError(to: string, from: string | undefined): TwilioApiError | undefined {
  const fromError = from ? MAGIC_FROM[from] : undefined;
  if (fromError && from) return fromError(from);
  const toError = MAGIC_TO[to];
  return toError ? toError(to) : undefined;
}
