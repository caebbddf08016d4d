/** Samenspraak's wordmark: two overlapping speech bubbles and the name, in the header's own colour. */
export function Wordmark({ name }: { name: string }) {
  return (
    <>
      <svg className="wordmark__mark" viewBox="0 0 32 28" width="32" height="28" aria-hidden="true" focusable="false">
        <path
          d="M3 3h15a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H9l-4 4v-4H3a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"
          fill="currentColor"
        />
        <path
          d="M14 12h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-1v4l-4-4h-9a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2z"
          fill="#ffd166"
          stroke="var(--samenspraak-color-primary)"
          strokeWidth="1.5"
        />
      </svg>
      <span className="wordmark__name">{name}</span>
    </>
  );
}
