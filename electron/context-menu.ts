import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/** What the context menu acts on: the page's webContents and its session's dictionary. */
export type SpellTarget = {
  replaceMisspelling(word: string): void;
  addWordToDictionary(word: string): void;
};

/**
 * The right-click menu of a text field: spelling suggestions (spellcheck is on, and without
 * this menu its red underlines offer no way to fix a word), "add to dictionary", and the
 * editing commands the field allows. Nothing outside editable fields: the rest of the page
 * gets no menu at all (no "Inspect").
 */
export function contextMenuTemplate(
  params: Pick<
    ContextMenuParams,
    'isEditable' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags' | 'selectionText'
  >,
  target: SpellTarget,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, 5);
    if (suggestions.length === 0) items.push({ label: 'Aucune suggestion', enabled: false });
    for (const word of suggestions) {
      items.push({ label: word, click: () => target.replaceMisspelling(word) });
    }
    items.push(
      {
        label: 'Ajouter au dictionnaire',
        click: () => target.addWordToDictionary(params.misspelledWord),
      },
      { type: 'separator' },
    );
  }
  if (params.isEditable) {
    items.push(
      { role: 'cut', label: 'Couper', enabled: params.editFlags.canCut },
      { role: 'copy', label: 'Copier', enabled: params.editFlags.canCopy },
      { role: 'paste', label: 'Coller', enabled: params.editFlags.canPaste },
      { role: 'selectAll', label: 'Tout sélectionner', enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy', label: 'Copier' });
  }
  return items;
}
