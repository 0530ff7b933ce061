/** Services the cadre and reviewer features use (linking, registrations, reports, review). Implemented in worker/store/cadre-services.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CadreServices {}
