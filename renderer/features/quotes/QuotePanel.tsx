import { useRef, useState } from 'react';
import { renderQuotePdf } from '../../../shared/billing/quote-pdf';
import { loadReportFonts } from '../visits/report-fonts';
import type { SealedQuote } from '../../../shared/billing/quote';
import { formatDuration } from '../../../shared/format/duration';
import { formatMoney } from '../../../shared/format/money';
import { getDb } from '../../db/database';
import { addVisitQuote, listVisits } from '../../db/repositories/interventions';
import { getTechnicianProfile } from '../../db/repositories/profile';
import { desktop } from '../../platform/desktop';
import { eurosToCents } from '../../../shared/format/euro-amount';
import { SignaturePadField } from '../signature/SignaturePadField';
import type { SignaturePadHandle } from '../signature/SignaturePadField';
import { clock } from '../visits/clock';
import type { VisitContext } from '../visits/useVisitContext';
import { newSealedQuote } from './new-quote';

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
      const db = getDb();
      const profile = await getTechnicianProfile(db);
      if (!profile) throw new Error('Renseignez d’abord votre profil de technicien.');
      const known = (await listVisits(db)).flatMap((v) => v.quotes.map((q) => q.content.number));
      const quote = await newSealedQuote(
        {
          visit,
          contract,
          clientName: client.name,
          siteName: site.name,
          technician: { name: profile.name, code: profile.code },
          knownNumbers: known,
        },
        { description, estimatedMinutes: estimated, flatPriceCents: flatCents },
        {
          signerName: signer,
          role: visit.header.representative?.role ?? '',
          imagePngDataUrl: image,
        },
        clock.now(),
      );
      await addVisitQuote(db, visit.id, quote, clock.now());
      setOpen(false);
      setDescription('');
      setMinutes('');
      setFlat('');
    } catch (e) {
      const issues = (e as { issues?: { message: string }[] }).issues;
      setError(issues?.[0]?.message ?? (e instanceof Error ? e.message : 'Devis refusé.'));
    }
  };

  const savePdf = async (quote: SealedQuote) => {
    const result = await desktop.savePdf({
      suggestedName: `${quote.content.number}.pdf`,
      bytes: renderQuotePdf(quote, await loadReportFonts()),
    });
    if (!result.ok) setError(result.error.message);
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
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
