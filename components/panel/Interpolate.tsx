/** Puts elements into a translated sentence at its `{name}` placeholders (text stays text). */
import type { ComponentChild } from 'preact';

export function Interpolate({ text, values }: { text: string; values: Record<string, ComponentChild> }) {
  const parts = text.split(/(\{\w+\})/);
  return (
    <>
      {parts.map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return name !== undefined && name in values ? values[name] : part;
      })}
    </>
  );
}
