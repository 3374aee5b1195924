/**
 * Draw on a photo with a finger: arrow, circle, text. Marks are kept as shapes (so 撤销 works)
 * and burnt into a new JPEG on 完成. Pointer events only — no hover, works with gloves.
 */
import { useEffect, useRef, useState } from 'react';
import { canvasToJpeg, loadImage } from '../lib/image.ts';
import { useI18n } from '../lib/i18n.tsx';

type Tool = 'arrow' | 'circle' | 'text';
type Shape =
  | { kind: 'arrow'; x1: number; y1: number; x2: number; y2: number }
  | { kind: 'circle'; x1: number; y1: number; x2: number; y2: number }
  | { kind: 'text'; x: number; y: number; text: string };

const COLOR = '#ff1a1a';

function draw(ctx: CanvasRenderingContext2D, img: HTMLImageElement, shapes: Shape[]): void {
  const { width: w, height: h } = ctx.canvas;
  ctx.drawImage(img, 0, 0, w, h);
  const lw = Math.max(4, Math.round(Math.max(w, h) / 160));
  ctx.strokeStyle = COLOR;
  ctx.fillStyle = COLOR;
  ctx.lineWidth = lw;
  ctx.lineCap = 'round';
  for (const s of shapes) {
    if (s.kind === 'arrow') {
      ctx.beginPath();
      ctx.moveTo(s.x1, s.y1);
      ctx.lineTo(s.x2, s.y2);
      ctx.stroke();
      const a = Math.atan2(s.y2 - s.y1, s.x2 - s.x1);
      const head = lw * 5;
      ctx.beginPath();
      ctx.moveTo(s.x2, s.y2);
      ctx.lineTo(s.x2 - head * Math.cos(a - Math.PI / 7), s.y2 - head * Math.sin(a - Math.PI / 7));
      ctx.lineTo(s.x2 - head * Math.cos(a + Math.PI / 7), s.y2 - head * Math.sin(a + Math.PI / 7));
      ctx.closePath();
      ctx.fill();
    } else if (s.kind === 'circle') {
      ctx.beginPath();
      ctx.ellipse((s.x1 + s.x2) / 2, (s.y1 + s.y2) / 2, Math.abs(s.x2 - s.x1) / 2 || 1, Math.abs(s.y2 - s.y1) / 2 || 1, 0, 0, Math.PI * 2);
      ctx.stroke();
    } else {
      const size = lw * 7;
      ctx.font = `bold ${size}px sans-serif`;
      ctx.lineWidth = Math.max(2, lw / 2);
      ctx.strokeStyle = '#fff';
      ctx.strokeText(s.text, s.x, s.y);
      ctx.fillText(s.text, s.x, s.y);
      ctx.lineWidth = lw;
      ctx.strokeStyle = COLOR;
    }
  }
}

export function PhotoEditor({ blob, onDone, onCancel }: { blob: Blob; onDone: (b: Blob) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [img, setImg] = useState<HTMLImageElement | null>(null);
  const [tool, setTool] = useState<Tool>('arrow');
  const [shapes, setShapes] = useState<Shape[]>([]);
  const [text, setText] = useState('');
  const drag = useRef<{ x: number; y: number } | null>(null);
  const [preview, setPreview] = useState<Shape | null>(null);

  useEffect(() => { void loadImage(blob).then(setImg); }, [blob]);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !img) return;
    if (c.width !== img.naturalWidth) { c.width = img.naturalWidth; c.height = img.naturalHeight; }
    const ctx = c.getContext('2d');
    if (ctx) draw(ctx, img, preview ? [...shapes, preview] : shapes);
  }, [img, shapes, preview]);

  const at = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * e.currentTarget.width, y: ((e.clientY - r.top) / r.height) * e.currentTarget.height };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const p = at(e);
    if (tool === 'text') {
      const label = text.trim() || t('故障点', 'Fault');
      setShapes((s) => [...s, { kind: 'text', x: p.x, y: p.y, text: label }]);
      return;
    }
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = p;
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drag.current || tool === 'text') return;
    const p = at(e);
    setPreview({ kind: tool, x1: drag.current.x, y1: drag.current.y, x2: p.x, y2: p.y });
  };
  const up = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drag.current || tool === 'text') return;
    const p = at(e);
    const s = drag.current;
    drag.current = null;
    setPreview(null);
    if (Math.hypot(p.x - s.x, p.y - s.y) < 8) return;
    setShapes((all) => [...all, { kind: tool, x1: s.x, y1: s.y, x2: p.x, y2: p.y }]);
  };
  const save = async () => {
    if (!canvas.current) return;
    onDone(await canvasToJpeg(canvas.current, 0.85));
  };

  const tools: [Tool, string][] = [['arrow', t('箭头', 'Arrow')], ['circle', t('圆圈', 'Circle')], ['text', t('文字', 'Text')]];
  return (
    <div className="f-full" role="dialog" aria-label={t('标注照片', 'Annotate photo')} data-testid="photo-editor">
      <div className="f-editor-tools">
        {tools.map(([id, label]) => (
          <button key={id} type="button" className="f-chip" aria-pressed={tool === id} onClick={() => setTool(id)}>{label}</button>
        ))}
        {tool === 'text' && (
          <input className="f-input" style={{ flex: 1, minWidth: 120 }} aria-label={t('标注文字', 'Label text')} placeholder={t('输入文字后点照片', 'Type, then tap the photo')}
            value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </div>
      <div className="f-editor-canvas">
        <canvas ref={canvas} data-testid="photo-canvas" onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={() => { drag.current = null; setPreview(null); }} />
      </div>
      <div className="f-editor-tools">
        <button type="button" className="f-btn" onClick={onCancel}>{t('取消', 'Cancel')}</button>
        <button type="button" className="f-btn" disabled={shapes.length === 0} onClick={() => setShapes((s) => s.slice(0, -1))}>{t('撤销', 'Undo')}</button>
        <button type="button" className="f-btn primary big" disabled={!img} onClick={() => void save()}>{t('完成标注', 'Done')}</button>
      </div>
    </div>
  );
}
