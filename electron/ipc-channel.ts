/** The one IPC channel; the call name travels as the first argument and is checked against the contract. */
export const IPC_CHANNEL = 'review-desk:call';
