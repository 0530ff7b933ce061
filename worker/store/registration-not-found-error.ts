import { AppError } from '../../bot/core/app-error.js';

/** A transition named a registration id that does not exist. */
export class RegistrationNotFoundError extends AppError {
  override readonly name = 'RegistrationNotFoundError';
  constructor(registrationId: string) {
    super('err-registration-not-found', `Registration "${registrationId}" does not exist`, 'check the id or code the user gave', { id: registrationId });
  }
}
