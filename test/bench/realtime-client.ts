/**
 * A lean realtime client for the load generator: one WebSocket, hello → welcome → replay.done,
 * then every frame goes to a handler the current phase installs. Frames are JSON.parse'd but not
 * zod-validated on purpose: the load generator's own CPU must stay as small and as equal as
 * possible for both targets, and correctness is checked by the exactly-once ledger instead.
 */
import WebSocket from 'ws';
import { REALTIME_PATH, type ClientFrame, type ServerFrame } from '../../shared/protocol/realtime.js';

const HELLO_TIMEOUT_MS = 15_000;

export type FrameHandler = (frame: ServerFrame) => void;

export class RealtimeConnection {
  /** Frames that arrive outside a phase are only counted. */
  onFrame: FrameHandler = () => undefined;
  readonly errors: string[] = [];
  closed = false;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.onFrame(JSON.parse(data.toString()) as ServerFrame));
    socket.on('close', () => {
      this.closed = true;
    });
    socket.on('error', (error) => this.errors.push(error.message));
  }

  static async open(baseUrl: string, token: string): Promise<RealtimeConnection> {
    const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + REALTIME_PATH, { perMessageDeflate: false });
    const connection = new RealtimeConnection(socket);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no replay.done within ${HELLO_TIMEOUT_MS} ms`)), HELLO_TIMEOUT_MS);
      const fail = (reason: string): void => {
        clearTimeout(timer);
        reject(new Error(reason));
      };
      connection.onFrame = (frame) => {
        if (frame.type === 'replay.done') {
          clearTimeout(timer);
          connection.onFrame = () => undefined;
          resolve();
        } else if (frame.type === 'error') fail(`realtime hello refused: ${frame.error.code} ${frame.error.message}`);
      };
      socket.once('open', () => connection.send({ type: 'hello', token, lastSeq: 0 }));
      socket.once('error', (error) => fail(`realtime connect failed: ${error.message}`));
      socket.once('close', (code) => fail(`realtime closed during hello (code ${code})`));
    });
    return connection;
  }

  send(frame: ClientFrame): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** Bytes queued in user space and not yet handed to the kernel: the generator's backpressure. */
  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  close(): void {
    this.socket.close();
  }
}
