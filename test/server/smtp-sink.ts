/**
 * A real SMTP server process for the delivery tests (smtp-server, on loopback):
 *   tsx test/server/smtp-sink.ts DIR [PORT]
 * Writes each accepted message to DIR/<n>.eml and prints "SMTP_SINK_READY <port>" once
 * listening. Recipients at "refuse.example" are rejected with 550 (a bounce).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const [dir, portArg] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: smtp-sink.ts DIR [PORT]\n');
  process.exit(2);
}
let count = 0;
const server = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.endsWith('@refuse.example')) {
      const error = new Error('Boîte aux lettres inconnue') as Error & { responseCode: number };
      error.responseCode = 550;
      callback(error);
      return;
    }
    callback();
  },
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      // written before "250 OK": the test reads what the server accepted, nothing more
      writeFileSync(
        join(dir, `${process.pid}-${String(++count).padStart(4, '0')}.eml`),
        Buffer.concat(chunks),
      );
      callback();
    });
  },
});
server.listen(Number(portArg ?? 0), '127.0.0.1', () => {
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`SMTP_SINK_READY ${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
