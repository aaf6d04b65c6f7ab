import { useEffect, useRef, useState } from 'react';

/** The laptop's camera, live, with a button that hands back one frame. */
export function CameraCapture({
  onCapture,
  onClose,
}: {
  onCapture: (frame: ImageBitmap) => void;
  onClose: () => void;
}) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    void (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('unavailable');
        stream = await navigator.mediaDevices.getUserMedia({
          video: { width: { ideal: 1600 } },
          audio: false,
        });
        if (cancelled) return;
        if (videoRef.current) {
          videoRef.current.srcObject = stream;
          await videoRef.current.play();
        }
      } catch {
        if (!cancelled)
          setError('Caméra indisponible ou accès refusé : choisissez plutôt un fichier.');
      }
    })();
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  const capture = async () => {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return;
    onCapture(await createImageBitmap(video));
  };

  return (
    <div className="camera panel">
      {error ? (
        <p className="field-error">{error}</p>
      ) : (
        <video ref={videoRef} className="camera-video" muted playsInline />
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() => void capture()}
          disabled={error !== null}
        >
          Prendre la photo
        </button>
        <button type="button" onClick={onClose}>
          Fermer la caméra
        </button>
      </div>
    </div>
  );
}
