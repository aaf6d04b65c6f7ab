import { useState } from 'react';
import { formatDateTime } from '../../../shared/format/date';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { appDeps } from '../../use-cases/deps';
import { addPhoto, removePhoto, useVisitPhotoUrls } from '../../use-cases/visits/visit-photos';
import { userMessage } from '../../ui/user-message';
import { CameraCapture } from './CameraCapture';
import { resizeToJpeg } from './resize-photo';
import { FormError } from '../../ui/FormError';

/** Photos of the visit: picked from files or taken with the camera, resized, kept locally. */
export function PhotosPanel({ visit, editable }: { visit: VisitRecord; editable: boolean }) {
  const [caption, setCaption] = useState('');
  const [camera, setCamera] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const urls = useVisitPhotoUrls(visit.id);

  const store = async (source: Blob | ImageBitmap, fallbackCaption: string) => {
    setBusy(true);
    setError(null);
    try {
      const bytes = await resizeToJpeg(source);
      await addPhoto(appDeps(), {
        visitId: visit.id,
        clientId: visit.clientId,
        caption: caption.trim() || fallbackCaption,
        bytes,
      });
      setCaption('');
    } catch (e) {
      setError(userMessage(e, 'Photo non enregistrée.'));
    } finally {
      setBusy(false);
    }
  };

  const onFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? []))
      await store(file, file.name.replace(/\.[^.]+$/, ''));
  };

  return (
    <section className="panel" aria-labelledby="photos-title">
      <h2 id="photos-title">Photos</h2>
      {visit.photos.length === 0 && <p className="muted">Aucune photo.</p>}
      <ul className="photo-grid">
        {visit.photos.map((photo) => (
          <li key={photo.attachmentId}>
            {urls[photo.attachmentId] && <img src={urls[photo.attachmentId]} alt={photo.caption} />}
            <span>{photo.caption}</span>
            <span className="muted">{formatDateTime(photo.takenAt)}</span>
            {editable && (
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void removePhoto(appDeps(), {
                    visitId: visit.id,
                    attachmentId: photo.attachmentId,
                  }).catch((e: unknown) => setError(userMessage(e, 'Photo non retirée.')))
                }
              >
                Retirer
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <div className="photo-add">
          <label className="field">
            Légende de la prochaine photo
            <input value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={300} />
          </label>
          <div className="row">
            <label className="button">
              Choisir des photos…
              <input
                type="file"
                accept="image/*"
                multiple
                className="sr-only"
                disabled={busy}
                onChange={(e) => void onFiles(e.target.files)}
              />
            </label>
            <button type="button" onClick={() => setCamera(true)} disabled={busy}>
              Utiliser la caméra
            </button>
          </div>
          {camera && (
            <CameraCapture
              onCapture={(frame) => {
                setCamera(false);
                void store(frame, 'Photo prise sur site');
              }}
              onClose={() => setCamera(false)}
            />
          )}
          {busy && <p role="status">Enregistrement de la photo…</p>}
          <FormError message={error} />
        </div>
      )}
    </section>
  );
}
