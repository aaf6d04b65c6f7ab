import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { noticeStatus } from '../../../shared/billing/notice';
import { WEEKDAYS } from '../../../shared/calendar/weekly-schedule';
import { formatDateTime, formatLocalDate } from '../../../shared/format/date';
import { formatMoney } from '../../../shared/format/money';
import { CONTACT_ROLE_LABELS } from '../../../shared/inventory/contact';
import { formatDayRanges } from '../../../shared/inventory/opening-hours-text';
import { SUBSCRIPTION_KIND_LABELS } from '../../../shared/inventory/subscription';
import { useClientFile } from '../../use-cases/clients/client-file';
import type { StoredContract } from '../../use-cases/clients/client-file';
import { useClientEquipment } from '../../use-cases/inventory/use-client-equipment';
import { ExportCsvButton, InventoryTable, today as todayOf } from '../inventory';
import { ClientRefusalNotices, ClientSyncBadges, useRefusalCounts } from '../sync';
import { DeviceFeesPanel } from '../contracts';
import { ClientForm } from './ClientForm';
import { ContactForm } from './ContactForm';
import { ContractForm } from './ContractForm';
import { SiteForm, WEEKDAY_LABELS } from './SiteForm';
import { SubscriptionForm } from './SubscriptionForm';
import { VISIT_LIST_STATUS_LABELS, visitListStatus } from '../../../shared/visit/visit-labels';
import { ClientReports } from '../visits';
import { ColumnHeads } from '../../ui/ColumnHeads';

/** The form open on the page; a contract form edits `contract`, or a new one when null. */
type OpenForm =
  | { readonly form: 'client' | 'site' | 'contact' | 'subscription' }
  | { readonly form: 'contract'; readonly contract: StoredContract | null }
  | null;

const NOTICE_TONE = { ok: '', soon: 'warn', 'last-day': 'danger', passed: 'danger' } as const;

export function ClientPage() {
  const { clientId = '' } = useParams();
  const file = useClientFile(clientId);
  const equipment = useClientEquipment(clientId);
  const refusals = useRefusalCounts();
  // One form open at a time on the page: which one, or none.
  const [open, setOpen] = useState<OpenForm>(null);
  const close = () => setOpen(null);
  const today = todayOf();

  if (file === undefined) return <p className="muted">Chargement…</p>;
  if (file === null) {
    return (
      <section>
        <h1>Client introuvable</h1>
        <p>
          <Link to="/clients">Revenir à la liste des clients</Link>
        </p>
      </section>
    );
  }
  const { client, sites, contacts, contracts, subscriptions, visits } = file;
  const siteNames = new Map(sites.map((s) => [s.id, s.name]));

  return (
    <section>
      <p>
        <Link to="/clients">← Clients</Link>
      </p>
      <h1>{client.name}</h1>
      <ClientSyncBadges client={client} refused={refusals.get(client.id) ?? 0} />
      <ClientRefusalNotices clientId={client.id} />
      {open?.form === 'client' ? (
        <div className="panel">
          <ClientForm client={client} onDone={close} />
        </div>
      ) : (
        <dl className="facts">
          <dt>Ville</dt>
          <dd>{client.city || '—'}</dd>
          <dt>SIRET</dt>
          <dd>{client.siret || '—'}</dd>
          <dt>Téléphone</dt>
          <dd>{client.phone || '—'}</dd>
          <dt>E-mail</dt>
          <dd>{client.email || '—'}</dd>
          <dd>
            <button type="button" onClick={() => setOpen({ form: 'client' })}>
              Modifier le client
            </button>
          </dd>
        </dl>
      )}

      <h2>Sites</h2>
      {sites.length === 0 && <p className="muted">Aucun site.</p>}
      <ul className="cards">
        {sites.map((s) => (
          <li key={s.id} className="panel">
            <strong>{s.name}</strong>
            <div>
              {s.address}, {s.postcode} {s.city}
            </div>
            {s.phone && <div>Tél. {s.phone}</div>}
            <details>
              <summary>Heures d’ouverture</summary>
              <dl className="facts">
                {WEEKDAYS.map((d) => (
                  <div key={d} className="contents">
                    <dt>{WEEKDAY_LABELS[d]}</dt>
                    <dd>{formatDayRanges(s.openingHours[d]) || 'fermé'}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </li>
        ))}
      </ul>
      {open?.form === 'site' ? (
        <div className="panel">
          <SiteForm clientId={client.id} onDone={close} />
        </div>
      ) : (
        <button type="button" onClick={() => setOpen({ form: 'site' })}>
          Ajouter un site
        </button>
      )}

      <h2>Contacts</h2>
      {contacts.length === 0 && <p className="muted">Aucun contact.</p>}
      <ul className="cards">
        {contacts.map((c) => (
          <li key={c.id} className="panel">
            <strong>{c.name}</strong> <span className="badge">{CONTACT_ROLE_LABELS[c.role]}</span>
            <div className="muted">
              {[c.jobTitle, c.phone, c.email].filter(Boolean).join(' · ')}
            </div>
          </li>
        ))}
      </ul>
      {open?.form === 'contact' ? (
        <div className="panel">
          <ContactForm clientId={client.id} onDone={close} />
        </div>
      ) : (
        <button type="button" onClick={() => setOpen({ form: 'contact' })}>
          Ajouter un contact
        </button>
      )}

      <h2>Contrat</h2>
      {open?.form === 'contract' ? (
        <div className="panel">
          <ContractForm clientId={client.id} existing={open.contract} onDone={close} />
        </div>
      ) : contracts.length === 0 ? (
        <>
          <p className="muted">Aucun contrat enregistré sur ce poste.</p>
          <button type="button" onClick={() => setOpen({ form: 'contract', contract: null })}>
            Ajouter un contrat
          </button>
        </>
      ) : (
        contracts.map((c) => (
          <div key={c.id} className="panel">
            <dl className="facts">
              <dt>Référence</dt>
              <dd>
                {c.reference} {c.label && <span className="muted">({c.label})</span>}
              </dd>
              <dt>Début</dt>
              <dd>{formatLocalDate(c.startsOn)}</dd>
              {c.renewsOn && (
                <>
                  <dt>Échéance</dt>
                  <dd>
                    {formatLocalDate(c.renewsOn)} (préavis avant le{' '}
                    {formatLocalDate(
                      noticeStatus(c.renewsOn, today, { noticeMonths: c.noticeMonths }).deadline,
                    )}
                    )
                  </dd>
                </>
              )}
              <dt>Taux horaire</dt>
              <dd>{formatMoney(c.hourlyRateCents)} HT</dd>
              <dt>Demi-journée / journée</dt>
              <dd>
                {c.halfDayPriceCents === null
                  ? '3 h 30 au taux horaire'
                  : `${formatMoney(c.halfDayPriceCents)} HT`}{' '}
                /{' '}
                {c.dayPriceCents === null
                  ? '7 h au taux horaire'
                  : `${formatMoney(c.dayPriceCents)} HT`}
              </dd>
              <dt>Tolérance avant palier</dt>
              <dd>{c.toleranceMinutes} min</dd>
              <dt>Zone de déplacement incluse</dt>
              <dd>
                {[...c.travel.zone.departements, ...c.travel.zone.postcodes].join(', ') || 'aucune'}
              </dd>
              <dt>Visites d’infogérance par an</dt>
              <dd>{c.subscriptionVisitsPerYear ?? 'non précisé'}</dd>
            </dl>
            <button type="button" onClick={() => setOpen({ form: 'contract', contract: c })}>
              Modifier le contrat
            </button>
          </div>
        ))
      )}
      <DeviceFeesPanel clientId={client.id} />

      <h2>Abonnements et licences</h2>
      {subscriptions.length === 0 ? (
        <p className="muted">Aucun abonnement.</p>
      ) : (
        <table aria-label="Abonnements et licences">
          <ColumnHeads
            labels={[
              'Abonnement',
              'Fournisseur',
              'Quantité',
              'Renouvellement',
              'Préavis à envoyer avant le',
            ]}
          />
          <tbody>
            {subscriptions.map((s) => {
              const notice = s.tacitRenewal
                ? noticeStatus(s.renewalDate, today, { noticeMonths: s.noticeMonths })
                : null;
              return (
                <tr key={s.id}>
                  <td>
                    {s.name} <span className="muted">({SUBSCRIPTION_KIND_LABELS[s.kind]})</span>
                  </td>
                  <td>{s.provider}</td>
                  <td>{s.quantity}</td>
                  <td>{formatLocalDate(s.renewalDate)}</td>
                  <td>
                    {notice ? (
                      <>
                        {formatLocalDate(notice.deadline)}{' '}
                        {notice.status !== 'ok' && (
                          <span className={`badge ${NOTICE_TONE[notice.status]}`}>
                            {notice.status === 'passed'
                              ? 'préavis dépassé'
                              : notice.status === 'last-day'
                                ? 'dernier jour'
                                : `dans ${notice.daysLeft} j`}
                          </span>
                        )}
                      </>
                    ) : (
                      'sans tacite reconduction'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {open?.form === 'subscription' ? (
        <div className="panel">
          <SubscriptionForm clientId={client.id} onDone={close} />
        </div>
      ) : (
        <button type="button" onClick={() => setOpen({ form: 'subscription' })}>
          Ajouter un abonnement
        </button>
      )}

      <h2>Inventaire</h2>
      <div className="toolbar">
        <Link className="button primary" to={`/clients/${client.id}/equipment/new`}>
          Ajouter un équipement
        </Link>
        <Link className="button" to={`/clients/${client.id}/equipment/new?decouvert=1`}>
          Équipement découvert sur site
        </Link>
        <Link className="button" to={`/clients/${client.id}/import`}>
          Importer un fichier CSV
        </Link>
        <ExportCsvButton
          client={client}
          disabled={equipment?.complete === true && equipment.items.length === 0}
        />
      </div>
      {equipment === undefined ? (
        <p className="muted">Chargement de l’inventaire…</p>
      ) : (
        <InventoryTable
          clientId={client.id}
          items={equipment.items}
          complete={equipment.complete}
          siteNames={siteNames}
        />
      )}

      <h2>Interventions</h2>
      <p>
        <Link className="button primary" to={`/interventions/nouvelle?client=${client.id}`}>
          Démarrer une intervention
        </Link>
      </p>
      {visits.length === 0 ? (
        <p className="muted">Aucune intervention pour ce client.</p>
      ) : (
        <table aria-label="Interventions du client">
          <ColumnHeads labels={['Début', 'Demande', 'Statut']} />
          <tbody>
            {visits.map((v) => (
              <tr key={v.id}>
                <td>{formatDateTime(v.startedAt ?? v.createdAt)}</td>
                <td>
                  <Link to={`/interventions/${v.id}`}>{v.header.request || 'Intervention'}</Link>
                </td>
                {/* The sync state is shown on the Interventions page; here, where the visit stands. */}
                <td>{VISIT_LIST_STATUS_LABELS[visitListStatus(v, true)]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ClientReports clientId={client.id} />
    </section>
  );
}
