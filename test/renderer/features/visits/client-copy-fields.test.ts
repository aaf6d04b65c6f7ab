import { describe, expect, it } from 'vitest';
import {
  clientCopyOf,
  toggleClientCopyMethod,
} from '../../../../renderer/features/visits/ClientCopyFields';

const contract = ['it@lefevre.example', 'dsi@lefevre.example'];

describe('the on-site "envoyer par e-mail" choice', () => {
  it('is pre-filled with the contract’s chosen contacts when ticked, and stays editable', () => {
    const ticked = toggleClientCopyMethod(
      { methods: ['printed'], emails: '' },
      'email',
      true,
      contract,
    );
    expect(ticked).toEqual({
      methods: ['printed', 'email'],
      emails: 'it@lefevre.example, dsi@lefevre.example',
    });
    const edited = { ...ticked, emails: `${ticked.emails}, signataire@lefevre.example` };
    expect(clientCopyOf(edited)).toEqual({
      methods: ['printed', 'email'],
      emails: ['it@lefevre.example', 'dsi@lefevre.example', 'signataire@lefevre.example'],
    });
    // unticked then ticked again: what was typed is kept, not replaced
    const off = toggleClientCopyMethod(edited, 'email', false, contract);
    expect(toggleClientCopyMethod(off, 'email', true, contract).emails).toBe(edited.emails);
  });

  it('starts empty when the contract names no one', () => {
    expect(toggleClientCopyMethod({ methods: [], emails: '' }, 'email', true).emails).toBe('');
  });
});
