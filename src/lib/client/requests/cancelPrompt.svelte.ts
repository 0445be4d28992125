/**
 * The request whose "cancel?" question is open. Kept outside the card: a sync that lands while
 * the question is open re-renders the list (and may re-create the card), and the question must
 * stay where the person left it, not close by itself.
 */
export const cancelPrompt = $state<{ requestId: string | null }>({ requestId: null });
