import { useRef, useState } from 'react';
import type { SealedQuote } from '../../../shared/billing/quote';
import { formatDuration } from '../../../shared/format/duration';
import { formatMoney } from '../../../shared/format/money';
import { appDeps } from '../../use-cases/deps';
import { saveQuotePdf } from '../../use-cases/reports/report-files';
import { signQuote } from '../../use-cases/visits/sign-quote';
import { userMessage } from '../../ui/user-message';
import { eurosToCents } from '../../../shared/format/euro-amount';
import { SignaturePadField } from '../signature';
import type { SignaturePadHandle } from '../signature';
import type { VisitContext } from '../visits';
import { FormError } from '../../ui/FormError';

function priceText(quote: SealedQuote): string {
  const { pricing } = quote.content;
  return pricing.kind === 'flat'
    ? `${formatMoney(pricing.priceCents)} HT (forfait)`
    : `${formatMoney(pricing.estimateHtCents)} HT estimés (${pricing.stepLabel})`;
}

/**
 * The on-site quote (devis) for complementary work (002 art. III.2, IV.2.2): written before
 * the work, with an estimated duration and a price by the ladder or flat, signed by the
 * client on screen, then sealed and numbered; its own PDF can be saved at once.
 */
export function QuotePanel({ context }: { context: VisitContext }) {
  const { visit, contract, client, site } = context;
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState('');
  const [minutes, setMinutes] = useState('');
  const [flat, setFlat] = useState('');
  const [signer, setSigner] = useState(visit.header.representative?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const pad = useRef<SignaturePadHandle>(null);

  const sign = async () => {
    setError(null);
    if (!contract || !client || !site) {
      setError('Client, site ou contrat introuvable sur ce poste.');
      return;
    }
    const estimated = Number(minutes);
    if (!/^\d{1,6}$/.test(minutes.trim()) || estimated <= 0) {
      setError('Indiquez la durée estimée en minutes.');
      return;
    }
    const flatCents = flat.trim() === '' ? null : eurosToCents(flat);
    if (flat.trim() !== '' && flatCents === null) {
      setError('Prix forfaitaire en euros attendu (ex. 90 ou 89,90), ou laisser vide.');
      return;
    }
    const image = pad.current?.toPng() ?? null;
    if (image === null) {
      setError('Le client doit signer le devis avant les travaux.');
      return;
    }
    try {
      await signQuote(appDeps(), {
        visitId: visit.id,
        description,
        estimatedMinutes: estimated,
        flatPriceCents: flatCents,
        signerName: signer,
        role: visit.header.representative?.role ?? '',
        imagePngDataUrl: image,
      });
      setOpen(false);
      setDescription('');
      setMinutes('');
      setFlat('');
    } catch (e) {
      setError(userMessage(e, 'Devis refusé.'));
    }
  };

  const savePdf = async (quote: SealedQuote) => {
    try {
      await saveQuotePdf(appDeps(), quote);
    } catch (e) {
      setError(userMessage(e, 'PDF du devis non enregistré.'));
    }
  };

  return (
    <section className="panel" aria-labelledby="quotes-title">
      <h2 id="quotes-title">Devis de prestations complémentaires</h2>
      <p className="muted">
        Travaux hors contrat : un devis avec la durée estimée, signé par le client avant les
        travaux.
      </p>
      <ul data-testid="quotes">
        {visit.quotes.map((q) => (
          <li key={q.content.number}>
            <strong>{q.content.number}</strong> — {q.content.description} —{' '}
            {formatDuration(q.content.estimatedMinutes)} estimées — {priceText(q)} — signé par{' '}
            {q.signature.signerName}{' '}
            <button type="button" className="secondary" onClick={() => void savePdf(q)}>
              PDF du devis
            </button>
          </li>
        ))}
      </ul>
      {visit.status !== 'signed' && !open && (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Nouveau devis
        </button>
      )}
      {open && (
        <div aria-label="Nouveau devis" role="group">
          <label className="field">
            Prestation
            <textarea
              rows={3}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </label>
          <div className="form-grid">
            <label className="field">
              Durée estimée (minutes)
              <input
                inputMode="numeric"
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
              />
            </label>
            <label className="field">
              Prix forfaitaire HT (€, vide : au barème du contrat)
              <input inputMode="decimal" value={flat} onChange={(e) => setFlat(e.target.value)} />
            </label>
            <label className="field">
              Signataire (client)
              <input value={signer} onChange={(e) => setSigner(e.target.value)} />
            </label>
          </div>
          <SignaturePadField label="Signature du client (bon pour accord)" handle={pad} />
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void sign()}>
              Signer et sceller le devis
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Annuler
            </button>
          </div>
        </div>
      )}
      <FormError message={error} />
    </section>
  );
}
