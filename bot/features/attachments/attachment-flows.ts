import { CADRE_FLOWS } from '../cadre/cadre-flow-state.js';

/** Flows whose steps take photos and files (they call receive-in-step.ts themselves). */
export const FLOWS_TAKING_FILES: ReadonlySet<string> = new Set([CADRE_FLOWS.register, CADRE_FLOWS.revise, CADRE_FLOWS.report]);
