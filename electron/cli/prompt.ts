/**
 * Asks on the terminal without echoing what is typed (a passphrase). Only offered when stdin and
 * stderr are terminals; the question goes to stderr so that --json output stays clean.
 */
export function terminalPrompt(): ((question: string) => Promise<string>) | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return async (question) => {
    // Loaded only when a question is asked: most commands never ask, and readline costs each start.
    const { createInterface } = await import('node:readline');
    return new Promise((resolve, reject) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      const muted = rl as unknown as { _writeToOutput: (text: string) => void };
      let asked = false;
      muted._writeToOutput = (text: string) => {
        // The question itself is shown; nothing typed after it is.
        if (!asked) process.stderr.write(text);
      };
      rl.question(question, (answer) => {
        process.stderr.write('\n');
        rl.close();
        resolve(answer);
      });
      asked = true;
      rl.once('SIGINT', () => {
        rl.close();
        reject(new Error('cancelled'));
      });
    });
  };
}
