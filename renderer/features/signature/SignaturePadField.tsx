import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import SignaturePad from 'signature_pad';

export interface SignaturePadHandle {
  /** The drawing as a PNG data URL, or null when nothing was drawn. */
  toPng(): string | null;
}

/**
 * A signature drawn with a mouse, a touch pad, a finger or a pen (signature_pad). The canvas
 * is sized in device pixels so strokes are crisp on HiDPI screens; on a resize or a
 * rotation it is resized and the strokes redrawn from their points, never lost. Undo drops
 * the last stroke; full screen gives the client room to sign.
 */
export function SignaturePadField({
  label,
  handle,
  onChange,
}: {
  label: string;
  handle: Ref<SignaturePadHandle>;
  onChange?: (empty: boolean) => void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [fullScreen, setFullScreen] = useState(false);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const report = useCallback(() => {
    const isEmpty = padRef.current?.isEmpty() ?? true;
    setEmpty(isEmpty);
    onChangeRef.current?.(isEmpty);
  }, []);

  const fit = useCallback(() => {
    const canvas = canvasRef.current;
    const pad = padRef.current;
    if (!canvas || !pad) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const width = canvas.offsetWidth;
    const height = canvas.offsetHeight;
    if (canvas.width === Math.round(width * ratio) && canvas.height === Math.round(height * ratio))
      return;
    const strokes = pad.toData();
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.getContext('2d')?.scale(ratio, ratio);
    pad.clear();
    pad.fromData(strokes);
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#10204a', minWidth: 0.8, maxWidth: 2.6 });
    padRef.current = pad;
    pad.addEventListener('endStroke', report);
    fit();
    const observer = new ResizeObserver(() => fit());
    observer.observe(canvas);
    // Moving the window to a screen of another pixel density changes no CSS size: watch it too.
    let density: MediaQueryList | null = null;
    const onDensity = () => {
      fit();
      watchDensity();
    };
    const watchDensity = () => {
      density?.removeEventListener('change', onDensity);
      density = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      density.addEventListener('change', onDensity);
    };
    watchDensity();
    // Some platforms report a density change only as a window resize.
    const onResize = () => fit();
    window.addEventListener('resize', onResize);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', onResize);
      density?.removeEventListener('change', onDensity);
      pad.removeEventListener('endStroke', report);
      pad.off();
      padRef.current = null;
    };
  }, [fit, report]);

  useEffect(() => {
    if (!fullScreen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setFullScreen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fullScreen]);

  useImperativeHandle(handle, () => ({
    toPng: () =>
      padRef.current && !padRef.current.isEmpty() ? padRef.current.toDataURL('image/png') : null,
  }));

  const undo = () => {
    const pad = padRef.current;
    if (!pad) return;
    const strokes = pad.toData();
    strokes.pop();
    pad.fromData(strokes);
    report();
  };
  const clear = () => {
    padRef.current?.clear();
    report();
  };

  return (
    <div className={fullScreen ? 'signature-field signature-fullscreen' : 'signature-field'}>
      <span className="signature-label">{label}</span>
      <canvas ref={canvasRef} className="signature-canvas" aria-label={label} data-empty={empty} />
      <div className="signature-actions">
        <button type="button" onClick={undo} disabled={empty}>
          Annuler le dernier trait
        </button>
        <button type="button" onClick={clear} disabled={empty}>
          Effacer
        </button>
        <button type="button" onClick={() => setFullScreen((v) => !v)}>
          {fullScreen ? 'Quitter le plein écran' : 'Plein écran'}
        </button>
      </div>
    </div>
  );
}
