import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  INTERVENTION_MODE_LABELS,
  INTERVENTION_TYPE_LABELS,
  URGENCY_LABELS,
} from '../../../shared/report/labels';
import { PhotosPanel } from '../photos';
import { TeamPanel } from './TeamPanel';
import { TimeCorrections } from './TimeCorrections';
import { TimerPanel } from './TimerPanel';
import { VisitHeaderForm } from './VisitHeaderForm';
import { useVisitContext } from './useVisitContext';
import { WorkRecordForm } from './WorkRecordForm';
import { QuotePanel } from '../quotes';
import { SlaPanel } from './SlaPanel';
import { WorkRecordSummary } from './WorkRecordSummary';

export function VisitPage() {
  const { visitId } = useParams();
  const context = useVisitContext(visitId);
  const [editingHeader, setEditingHeader] = useState(false);
  if (context === undefined) return <p>Chargement…</p>;
  if (context === null) return <p role="alert">Intervention introuvable.</p>;
  const { visit, client, site, contract } = context;
  const signed = visit.status === 'signed';
  return (
    <section>
      <h1>Intervention — {client?.name ?? 'client inconnu'}</h1>
      {editingHeader ? (
        <VisitHeaderForm
          visitId={visit.id}
          header={visit.header}
          onDone={() => setEditingHeader(false)}
        />
      ) : (
        <dl className="facts panel">
          <dt>Site</dt>
          <dd>{site ? `${site.name}, ${site.city}` : '—'}</dd>
          <dt>Contrat</dt>
          <dd>{contract ? contract.reference : 'Contrat introuvable'}</dd>
          <dt>Type</dt>
          <dd>
            {INTERVENTION_TYPE_LABELS[visit.header.type]} ·{' '}
            {INTERVENTION_MODE_LABELS[visit.header.mode]} · urgence{' '}
            {URGENCY_LABELS[visit.header.urgency].toLowerCase()}
          </dd>
          <dt>Demande</dt>
          <dd>{visit.header.request}</dd>
          <dt>Représentant présent</dt>
          <dd>
            {visit.header.representative
              ? `${visit.header.representative.name}${visit.header.representative.role ? ` (${visit.header.representative.role})` : ''}`
              : '—'}
          </dd>
          <dt>Sauvegarde confirmée</dt>
          <dd>{visit.header.clientConfirmedBackup ? 'Oui' : 'Non'}</dd>
          {visit.number && (
            <>
              <dt>Bordereau</dt>
              <dd>{visit.number}</dd>
            </>
          )}
        </dl>
      )}
      {!signed && !editingHeader && (
        <p>
          <button type="button" onClick={() => setEditingHeader(true)}>
            Modifier l’en-tête
          </button>
        </p>
      )}
      {signed && visit.reportId && (
        <p className="panel locked" role="status">
          Intervention signée : elle ne peut plus être modifiée.{' '}
          <Link to={`/bordereaux/${visit.reportId}`}>Voir le bordereau</Link>
        </p>
      )}
      <TimerPanel context={context} />
      <TimeCorrections visit={visit} />
      <TeamPanel visit={visit} />
      <SlaPanel context={context} />
      <QuotePanel context={context} />
      {signed ? (
        <WorkRecordSummary context={context} />
      ) : (
        <WorkRecordForm key={visit.id} context={context} />
      )}
      <PhotosPanel visit={visit} editable={!signed} />
      {visit.status === 'to-sign' && (
        <p>
          <Link className="button primary" to={`/interventions/${visit.id}/signature`}>
            Passer à la signature
          </Link>
        </p>
      )}
    </section>
  );
}
