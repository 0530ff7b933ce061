import type { Response } from 'express';
import { z } from 'zod';

/** 400 with every problem named by field, so a caller knows exactly what to fix. */
export function sendValidationError(res: Response, error: z.ZodError): void {
  res.status(400).json({
    error: 'invalid_request',
    message: z.prettifyError(error),
    fields: z.flattenError(error).fieldErrors,
  });
}
