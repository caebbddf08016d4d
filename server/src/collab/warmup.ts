/**
 * Runs the Yjs paths a document load takes (decode, integrate, encode) once at start-up, so the first
 * document a fresh process loads is not also paying for the JIT compiling them (~2x slower).
 */
import * as Y from 'yjs';

export function warmUpYjs(rounds = 3): void {
  for (let r = 0; r < rounds; r++) {
    const a = new Y.Doc();
    const text = a.getText('t');
    const map = a.getMap('m');
    for (let i = 0; i < 2000; i++) {
      text.insert((i * 7) % (text.length + 1), 'ab');
      if (i % 3 === 0) text.delete((i * 5) % text.length, 1);
      if (i % 10 === 0) map.set(`k${i % 50}`, i);
    }
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.decodeUpdate(Y.encodeStateAsUpdate(b));
    Y.encodeStateVector(b);
    a.destroy();
    b.destroy();
  }
}
