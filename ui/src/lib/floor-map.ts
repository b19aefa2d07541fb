//! The Leaflet drawing of one hall: `CRS.Simple` with one unit per metre (Leaflet's y grows up, a
//! hall's grows down, so a point (x, y) is `latLng(-y, x)`), no tiles and no network. Booths are
//! SVG polygons (so a test can tap one), pavilions tinted areas, the kiosk "you are here", and
//! the current leg of a route a polyline. Every text on the map is a DOM node filled with
//! `textContent`: exhibitor and organiser strings never reach Leaflet as HTML.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import type { Booth } from "../bindings/Booth";
import type { HallMap } from "../bindings/HallMap";
import type { Kiosk } from "../bindings/Kiosk";
import type { Leg } from "../bindings/Leg";

export type FloorView = {
  map: HallMap;
  /** The kiosk to mark, when it stands in this hall. */
  here: Kiosk | null;
  hereLabel: string;
  /** The booth to highlight (the route's target or the tapped booth). */
  highlight: string | null;
  /** The route's leg in this hall, if any. */
  leg: Leg | null;
  highContrast: boolean;
};

export type FloorHandlers = {
  onBoothTap: (code: string) => void;
};

/** Booth labels appear once a typical booth is this many pixels wide. */
const LABEL_MIN_PX = 44;

const at = (x: number, y: number): L.LatLngExpression => [-y, x];

function boothBounds(b: Booth, pad = 0): L.LatLngBounds {
  return L.latLngBounds(
    at(b.x_m - pad, b.y_m + b.depth_m + pad),
    at(b.x_m + b.width_m + pad, b.y_m - pad),
  );
}

function textIcon(className: string, text: string, testid?: string): L.DivIcon {
  const span = document.createElement("span");
  span.className = "map-text";
  span.textContent = text;
  if (testid) span.dataset.testid = testid;
  return L.divIcon({ className, html: span, iconSize: [0, 0] });
}

export class FloorMap {
  private readonly map: L.Map;
  private readonly layers: L.LayerGroup;
  private labelWidth = 6;
  private readonly onZoom = () => this.updateLabels();
  // The last drawing, framed again when the map changes size until the visitor moves it.
  private last: { view: FloorView; outline: L.LatLngBounds } | null = null;
  private moved = false;
  private readonly onTouch = () => (this.moved = true);

  constructor(
    private readonly el: HTMLElement,
    private readonly handlers: FloorHandlers,
  ) {
    this.map = L.map(el, {
      crs: L.CRS.Simple,
      minZoom: -4,
      maxZoom: 5,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      attributionControl: false,
      zoomControl: true,
      renderer: L.svg({ padding: 0.5 }),
      bounceAtZoomLimits: false,
    });
    this.layers = L.layerGroup().addTo(this.map);
    this.map.on("zoomend", this.onZoom);
    el.addEventListener("pointerdown", this.onTouch);
    el.addEventListener("wheel", this.onTouch, { passive: true });
  }

  /** Draws `view`, replacing whatever the map showed, and frames the route or the hall. */
  show(view: FloorView): void {
    const { map: hall, highContrast } = view;
    this.layers.clearLayers();
    const ink = highContrast ? "#000000" : "#6b7280";
    const w = hall.hall.width_m;
    const d = hall.hall.depth_m;
    const outline = L.latLngBounds(at(0, d), at(w, 0));
    L.rectangle(outline, {
      color: highContrast ? "#000000" : "#15233b",
      weight: highContrast ? 4 : 3,
      fillColor: "#ffffff",
      fillOpacity: 1,
      interactive: false,
    }).addTo(this.layers);

    const colours = new Map(hall.pavilions.map((p) => [p.slug, p.color ?? "#9aa5b1"]));
    // Pavilion areas: the box around a pavilion's booths, lightly tinted under them.
    for (const p of hall.pavilions) {
      const own = hall.booths.filter((b) => b.pavilion === p.slug);
      if (!own.length) continue;
      const area = own.map((b) => boothBounds(b, 1)).reduce((a, b) => a.extend(b));
      L.rectangle(area, {
        stroke: false,
        fillColor: colours.get(p.slug),
        fillOpacity: 0.14,
        interactive: false,
      }).addTo(this.layers);
    }

    for (const b of hall.booths) {
      const lit = b.code === view.highlight;
      const tint = b.pavilion ? colours.get(b.pavilion) : undefined;
      const poly = L.rectangle(boothBounds(b), {
        color: lit ? (highContrast ? "#000000" : "#c2410c") : ink,
        weight: lit ? 6 : highContrast ? 2 : 1,
        fillColor: lit ? "#ffd400" : (tint ?? "#e5e7eb"),
        fillOpacity: lit ? 0.95 : tint ? 0.45 : 0.8,
        className: lit ? "map-booth lit" : "map-booth",
      });
      poly.on("click", () => this.handlers.onBoothTap(b.code));
      // Leaflet creates the SVG path only once the map has a view ("add"), which may be after
      // this call returns.
      poly.on("add", () => {
        const path = poly.getElement();
        if (!path) return;
        path.setAttribute("data-testid", "map-booth");
        path.setAttribute("data-code", b.code);
        path.setAttribute("data-exhibitors", String(b.exhibitors.length));
        if (lit) path.setAttribute("data-highlighted", "true");
      });
      poly.addTo(this.layers);
      L.marker(at(b.x_m + b.width_m / 2, b.y_m + b.depth_m / 2), {
        icon: textIcon(lit ? "booth-label lit" : "booth-label", b.code),
        interactive: false,
        keyboard: false,
      }).addTo(this.layers);
    }

    for (const c of hall.connectors) {
      L.circleMarker(at(c.x_m, c.y_m), {
        radius: 9,
        color: highContrast ? "#000000" : "#ffffff",
        weight: 2,
        fillColor: c.step_free ? "#15803d" : "#b45309",
        fillOpacity: 1,
        interactive: false,
      }).addTo(this.layers);
      L.marker(at(c.x_m, c.y_m), {
        icon: textIcon("connector-label", `→ ${c.to_hall}`),
        interactive: false,
        keyboard: false,
      }).addTo(this.layers);
    }

    if (view.leg && view.leg.points.length > 1) {
      const line = view.leg.points.map(([x, y]) => at(x, y));
      L.polyline(line, {
        color: "#ffffff",
        weight: highContrast ? 14 : 12,
        opacity: 0.9,
        interactive: false,
      }).addTo(this.layers);
      const route = L.polyline(line, {
        color: highContrast ? "#000000" : "#0b57d0",
        weight: highContrast ? 8 : 7,
        interactive: false,
        className: "map-route",
      });
      route.on("add", () => route.getElement()?.setAttribute("data-testid", "map-route"));
      route.addTo(this.layers);
    }

    if (view.here) {
      L.circleMarker(at(view.here.x_m, view.here.y_m), {
        radius: 14,
        color: "#ffffff",
        weight: 4,
        fillColor: "#d11a2a",
        fillOpacity: 1,
        interactive: false,
      }).addTo(this.layers);
      L.marker(at(view.here.x_m, view.here.y_m), {
        icon: textIcon("here-label", view.hereLabel, "map-here"),
        interactive: false,
        keyboard: false,
      }).addTo(this.layers);
    }

    const widths = hall.booths.map((b) => Math.min(b.width_m, b.depth_m)).sort((a, b) => a - b);
    this.labelWidth = widths[Math.floor(widths.length / 2)] ?? 6;
    this.map.invalidateSize();
    this.map.setMaxBounds(outline.pad(0.5));
    this.last = { view, outline };
    this.moved = false;
    this.frame(view, outline);
    this.updateLabels();
  }

  /**
   * The target booth with the leg that reaches it (or the booth alone), padded; any other leg and
   * a plain map show the whole hall, so the whole walk through it is in view.
   */
  private frame(view: FloorView, outline: L.LatLngBounds): void {
    const target = view.map.booths.find((b) => b.code === view.highlight);
    let bounds = outline;
    if (target) {
      bounds = boothBounds(target, 8);
      for (const [x, y] of view.leg?.points ?? []) bounds.extend(at(x, y));
      bounds = bounds.pad(0.1);
    }
    // The left margin keeps the zoom buttons (72 px, top left) off the booths; the others leave
    // room for the labels of what stands on the walls ("you are here", connectors).
    this.map.fitBounds(bounds, {
      paddingTopLeft: [100, 48],
      paddingBottomRight: [64, 48],
      animate: false,
    });
  }

  private updateLabels(): void {
    const px = 2 ** this.map.getZoom() * this.labelWidth;
    this.el.classList.toggle("labels-on", px >= LABEL_MIN_PX);
  }

  /** After the container changed size (rotation, a panel opening). */
  resize(): void {
    this.map.invalidateSize();
    if (this.last && !this.moved) this.frame(this.last.view, this.last.outline);
  }

  destroy(): void {
    this.map.off("zoomend", this.onZoom);
    this.el.removeEventListener("pointerdown", this.onTouch);
    this.el.removeEventListener("wheel", this.onTouch);
    this.map.remove();
  }
}
