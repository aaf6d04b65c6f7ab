import { describe, expect, it } from 'vitest';
import { contextMenuTemplate } from '../../electron/context-menu';

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const base = {
  isEditable: true,
  misspelledWord: '',
  dictionarySuggestions: [] as string[],
  editFlags: { ...flags, canUndo: true, canRedo: true, canDelete: true, canEditRichly: false },
  selectionText: '',
};

describe('context menu', () => {
  it('offers spelling suggestions that replace the word, and adding it to the dictionary', () => {
    const replaced: string[] = [];
    const added: string[] = [];
    const target = {
      replaceMisspelling: (w: string) => replaced.push(w),
      addWordToDictionary: (w: string) => added.push(w),
    };
    const menu = contextMenuTemplate(
      {
        ...base,
        misspelledWord: 'comutateur',
        dictionarySuggestions: ['commutateur', 'computateur'],
      },
      target,
    );
    expect(menu.map((i) => i.label ?? i.type)).toEqual([
      'commutateur',
      'computateur',
      'Ajouter au dictionnaire',
      'separator',
      'Couper',
      'Copier',
      'Coller',
      'Tout sélectionner',
    ]);
    menu[0]!.click!({} as never, undefined, {} as never);
    menu[2]!.click!({} as never, undefined, {} as never);
    expect(replaced).toEqual(['commutateur']);
    expect(added).toEqual(['comutateur']);
  });

  it('says when there is no suggestion', () => {
    const menu = contextMenuTemplate(
      { ...base, misspelledWord: 'xqzw' },
      { replaceMisspelling: () => undefined, addWordToDictionary: () => undefined },
    );
    expect(menu[0]).toEqual({ label: 'Aucune suggestion', enabled: false });
  });

  it('gives no menu outside text, only Copier on a selection: never "Inspect"', () => {
    const target = { replaceMisspelling: () => undefined, addWordToDictionary: () => undefined };
    expect(contextMenuTemplate({ ...base, isEditable: false }, target)).toEqual([]);
    expect(
      contextMenuTemplate({ ...base, isEditable: false, selectionText: 'BI-2026' }, target),
    ).toEqual([{ role: 'copy', label: 'Copier' }]);
  });
});
