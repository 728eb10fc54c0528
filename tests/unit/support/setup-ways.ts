/** The set-up step's radio group `How to connect`, driven as an admin does, for component tests. */
import { fireEvent, screen } from '@testing-library/preact';

/** Chooses a way to connect by its visible label; its fields show below. */
export async function chooseWay(name: string): Promise<void> {
  fireEvent.click(await screen.findByRole('radio', { name }));
}

/** A field by its visible label, never the radio: the `ZSC key` option shares its key field's label. */
export const field = <T extends HTMLElement = HTMLInputElement>(label: string | RegExp) =>
  screen.getByLabelText<T>(label, { selector: 'input:not([type=radio]), select' });
