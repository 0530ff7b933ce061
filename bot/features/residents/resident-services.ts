/** Services the resident features use (events, subscriptions, public information). Implemented in worker/store/resident-services.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ResidentServices {}
