/**
 * `Storage` (localStorage) in memory, for unit tests of code that keeps records there; `failWrites`
 * makes every write throw as a full browser store does.
 *
 * Test support only: nothing in the app imports it.
 */
export class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  failWrites = false;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new DOMException('quota exceeded', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
}
