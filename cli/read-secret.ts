import { createInterface } from "node:readline";
import { UsageError } from "@/cli/args";

/** Reads a secret from the first line of stdin (--password-stdin) or a prompt that does not echo. */
export async function readSecret(prompt: string, fromStdin: boolean): Promise<string> {
  if (!fromStdin && !process.stdin.isTTY) throw new UsageError("no terminal to prompt on: pass the password with --password-stdin.");
  const value = fromStdin ? await firstLine() : await hiddenPrompt(prompt);
  if (!value) throw new UsageError("the password is empty.");
  if (value.length > 256) throw new UsageError("the password is longer than 256 characters.");
  return value;
}

async function firstLine(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) {
    data += chunk;
    if (data.includes("\n") || data.length > 4096) break;
  }
  return data.split(/\r?\n/)[0];
}

function hiddenPrompt(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(prompt)) write.call(rl, prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}
