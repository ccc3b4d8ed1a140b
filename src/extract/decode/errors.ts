/** A document that cannot be read: the message is one line, in Chinese with the English in brackets. */
export class UnreadableError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'UnreadableError';
  }
}
