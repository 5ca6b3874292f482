import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { countyOutlines, UNCOVERED_REASONS, type Filter, type PlanIndex, type ScenarioDoc } from './plan-data';
import { VillageLayer } from './village-layer';

interface Props {
  doc: ScenarioDoc;
  ix: PlanIndex;
  colours: string[];
  rows: Uint32Array;
  selected: number;
  filter: Filter;
  onSelect: (i: number) => void;
}

/** Bounds of some villages, as Leaflet wants them. */
function boundsOf(ix: PlanIndex, rows: ArrayLike<number>): L.LatLngBounds | null {
  if (rows.length === 0) return null;
  let s = 90;
  let w = 180;
  let n = -90;
  let e = -180;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    if (ix.lat[i] < s) s = ix.lat[i];
    if (ix.lat[i] > n) n = ix.lat[i];
    if (ix.lon[i] < w) w = ix.lon[i];
    if (ix.lon[i] > e) e = ix.lon[i];
  }
  return L.latLngBounds([s, w], [n, e]);
}

/**
 * The plan on a map with no tiles: county outlines (the scenario's boundary, else the hull of the county's
 * villages), the villages on one canvas, a line from the hovered or selected village to its adviser's base.
 */
export function PlanMap({ doc, ix, colours, rows, selected, filter, onSelect }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<VillageLayer | null>(null);
  const links = useRef<L.LayerGroup | null>(null);
  const [hover, setHover] = useState<{ i: number; x: number; y: number } | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  const place = useRef('');
  useLayoutEffect(() => {
    const m = L.map(el.current!, { zoomControl: true, attributionControl: false, zoomAnimation: false, minZoom: 5, maxZoom: 15, keyboard: true });
    map.current = m;
    const b = boundsOf(ix, rows);
    if (b) m.fitBounds(b, { padding: [12, 12] });
    else m.setView([23.1, 113.3], 7);
    const outlines = L.layerGroup().addTo(m);
    for (const o of countyOutlines(doc, ix)) {
      if (o.rings[0]?.length < 3) continue;
      L.polygon(
        o.rings.map((r) => r.map(([lon, lat]) => L.latLng(lat, lon))),
        { color: '#6b4b3e', weight: o.drawn === 'boundary' ? 1.5 : 1, dashArray: o.drawn === 'hull' ? '4 3' : undefined, fill: true, fillColor: '#efe9dc', fillOpacity: 0.5, interactive: false },
      )
        .bindTooltip(o.name, { permanent: true, direction: 'center', className: 'county-label' })
        .addTo(outlines);
    }
    const v = new VillageLayer(ix, colours);
    let first = true;
    v.onDrawn = () => {
      if (first && rows.length > 0) {
        first = false;
        performance.mark('ovola:map-drawn');
      }
    };
    v.setRows(rows);
    v.addTo(m);
    place.current = `${filter.county}/${filter.town}/${filter.firm}/${filter.lawyer}`;
    layer.current = v;
    links.current = L.layerGroup().addTo(m);
    const container = m.getContainer();
    const onMove = (e: MouseEvent) => {
      const r = container.getBoundingClientRect();
      const x = e.clientX - r.left;
      const y = e.clientY - r.top;
      const i = v.hit(x, y);
      container.style.cursor = i >= 0 ? 'pointer' : '';
      setHover((h) => (i < 0 ? null : h?.i === i ? h : { i, x, y }));
    };
    const onLeave = () => setHover(null);
    m.on('click', (e: L.LeafletMouseEvent) => {
      const i = v.hit(e.containerPoint.x, e.containerPoint.y);
      if (i >= 0) select.current(i);
    });
    container.addEventListener('mousemove', onMove);
    container.addEventListener('mouseleave', onLeave);
    return () => {
      container.removeEventListener('mousemove', onMove);
      container.removeEventListener('mouseleave', onLeave);
      m.remove();
      map.current = null;
      layer.current = null;
    };
  }, [doc, ix]);

  // before the browser paints: a filter shows in the frame it was made in, drawn once after the map has
  // moved to what the place filters keep
  useLayoutEffect(() => {
    const v = layer.current;
    const m = map.current;
    if (!v || !m) return;
    v.setRows(rows, false);
    const key = `${filter.county}/${filter.town}/${filter.firm}/${filter.lawyer}`;
    if (key !== place.current) {
      place.current = key;
      const b = boundsOf(ix, rows);
      v.quiet = true;
      if (b) m.fitBounds(b, { padding: [12, 12], maxZoom: 13 });
      v.quiet = false;
    }
    v.redraw();
  }, [rows]);

  useLayoutEffect(() => {
    const m = map.current;
    if (m && selected >= 0) {
      const p = L.latLng(ix.lat[selected], ix.lon[selected]);
      if (!m.getBounds().pad(-0.1).contains(p)) m.panTo(p);
    }
  }, [selected]);

  // lines to the advisers' bases: the selected village's, and the hovered one's
  useLayoutEffect(() => {
    const g = links.current;
    if (!g) return;
    g.clearLayers();
    if (selected >= 0) {
      L.circleMarker([ix.lat[selected], ix.lon[selected]], { radius: 8, color: '#000', weight: 3, fill: false, interactive: false }).addTo(g);
      L.circleMarker([ix.lat[selected], ix.lon[selected]], { radius: 8, color: '#fff', weight: 1.5, fill: false, interactive: false }).addTo(g);
    }
    for (const i of new Set([selected, hover?.i ?? -1])) {
      if (i < 0) continue;
      const l = ix.lawyer[i];
      if (l < 0) continue;
      const law = ix.lawyers[l];
      L.polyline(
        [
          [ix.lat[i], ix.lon[i]],
          [law.lat, law.lon],
        ],
        { color: '#111', weight: 2, dashArray: '6 4', interactive: false },
      ).addTo(g);
      L.circleMarker([law.lat, law.lon], { radius: 6, color: '#111', weight: 2, fillColor: colours[l], fillOpacity: 1, interactive: false })
        .bindTooltip(`${law.name} · ${ix.firms[law.firm]?.name ?? ''}`, { direction: 'top' })
        .addTo(g);
    }
  }, [selected, hover?.i, ix]);

  const h = hover?.i ?? -1;
  return (
    <div class="map-wrap">
      <div ref={el} class="map" role="region" aria-label="方案地图:每个点是一个村(社区),颜色表示法律顾问" />
      {hover && h >= 0 && (
        <div class="map-tip" style={{ left: `${hover.x + 12}px`, top: `${hover.y + 12}px` }}>
          <strong>{ix.names[h]}</strong>
          <br />
          {ix.towns[ix.town[h]]?.name}
          <br />
          {ix.lawyer[h] >= 0 ? (
            `${ix.lawyers[ix.lawyer[h]].name} · ${ix.km[h].toFixed(1)} 公里`
          ) : (
            <span class="warn">未覆盖:{UNCOVERED_REASONS[ix.reasons[ix.reason[h]]] ?? ''}</span>
          )}
        </div>
      )}
      <p class="legend">
        <span class="dot" aria-hidden="true" /> 按顾问着色 <span class="ring" aria-hidden="true" /> 未覆盖 <span class="dash" aria-hidden="true" /> 至顾问驻所
      </p>
    </div>
  );
}
