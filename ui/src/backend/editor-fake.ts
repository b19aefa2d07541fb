//! An in-memory editor backend for vitest and browser development. It keeps a draft with
//! revisions, answers sign-in errors like the hub (`WRONG…` codes, `slow` after three wrong
//! ones, an `http://offline…` hub), checks lengths against the same limits, and queues
//! submissions while `offline` is set. Pictures are checked by their first bytes and size only:
//! the real checks and re-encoding are Rust's.
import type { BackendError } from "../bindings/BackendError";
import type { CardView } from "../bindings/CardView";
import type { EditLimits } from "../bindings/EditLimits";
import type { EditorState } from "../bindings/EditorState";
import type { ExhibitorProfile } from "../bindings/ExhibitorProfile";
import type { FieldError } from "../bindings/FieldError";
import type { ImagePreview } from "../bindings/ImagePreview";
import type { ProfileEdit } from "../bindings/ProfileEdit";
import type { SubmissionStatus } from "../bindings/SubmissionStatus";
import type { EditorBackend } from "./editor";

export const FAKE_CODE = "FAIRWAY-DEMO-CODE";

export const fakeLimits: EditLimits = {
  name: 120,
  contact_name: 80,
  title: 80,
  email: 254,
  website: 2048,
  description: 2000,
  product_name: 120,
  product_description: 1000,
  products: 50,
  image_bytes: 5 * 1024 * 1024,
  image_side: 4096,
};

export type FakeEditorOptions = {
  /** Every hub call fails as unreachable while this returns true. */
  offline?: () => boolean;
  /** Milliseconds each call takes. */
  latency?: number;
};

function fail(code: BackendError["code"], message: string): BackendError {
  return { code, message };
}

const chars = (s: string | null | undefined) => [...(s ?? "")].length;

/** The length and format rules the hub applies, as far as the fake needs them. */
export function fakeCheck(edit: ProfileEdit, limits: EditLimits = fakeLimits): FieldError[] {
  const errors: FieldError[] = [];
  const over = (field: string, value: string | null | undefined, max: number) => {
    if (chars(value) > max)
      errors.push({ field, message: `is ${chars(value)} characters; the limit is ${max}` });
  };
  if (!edit.name_en.trim()) errors.push({ field: "name_en", message: "must not be empty" });
  over("name_en", edit.name_en, limits.name);
  over("name_zh", edit.name_zh, limits.name);
  if (edit.website && !edit.website.startsWith("https://"))
    errors.push({ field: "website", message: "must be an https:// address" });
  if (edit.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(edit.email))
    errors.push({ field: "email", message: "is not an e-mail address" });
  over("description_en", edit.description_en, limits.description);
  over("description_zh", edit.description_zh, limits.description);
  edit.products.forEach((p, i) => {
    if (!p.name_en.trim())
      errors.push({ field: `products.${i}.name_en`, message: "must not be empty" });
    over(`products.${i}.name_en`, p.name_en, limits.product_name);
  });
  return errors;
}

function sha(bytes: Uint8Array): string {
  let h = 2166136261;
  for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h.toString(16).padStart(8, "0").repeat(8);
}

export function createFakeEditorBackend(options: FakeEditorOptions = {}): EditorBackend {
  const offline = options.offline ?? (() => false);
  const wait = () => new Promise((r) => setTimeout(r, options.latency ?? 0));
  let wrong = 0;
  let revision = 0;
  let signedIn = false;
  let draft: ProfileEdit = {
    name_en: "Chongqing Mountain Tea Co.",
    name_zh: "重庆山茶有限公司",
    website: "https://tea.example.com",
    email: "sales@tea.example.com",
    phone: "+862355501234",
    contact_name_en: "Li Wei",
    contact_name_zh: "李伟",
    title_en: "Export manager",
    title_zh: "出口经理",
    description_en: "Green and black teas from the hills above the Yangtze.",
    description_zh: "来自长江之上山丘的绿茶和红茶。",
    logo: null,
    products: [
      {
        name_en: "Mountain green tea",
        name_zh: "高山绿茶",
        description_en: null,
        description_zh: null,
        image: null,
      },
    ],
  };
  const images = new Map<string, ImagePreview>();
  const statuses: SubmissionStatus[] = [];
  const queue: { id: number; queued: string; base_version: number; edit: ProfileEdit }[] = [];

  function state(): EditorState {
    return {
      hub: "http://127.0.0.1:8787",
      exhibitor_id: "E0001",
      fair_name_en: "World Commerce Fair 2026",
      fair_name_zh: "2026 世界商品博览会",
      base_version: 1,
      fixed: {
        id: "E0001",
        country: "CN",
        pavilion: "chongqing",
        booths: ["N1-A01"],
        categories: ["food", "tea"],
      },
      limits: fakeLimits,
      draft: structuredClone(draft),
      revision,
      images: [...images.values()],
      queued: queue.length,
    };
  }

  function flush() {
    while (queue.length) {
      const q = queue.shift()!;
      statuses.unshift({
        id: statuses.length + 1,
        base_version: q.base_version,
        state: "pending",
        reason: null,
        submitted: q.queued,
        decided: null,
      });
    }
  }

  function profile(edit: ProfileEdit): ExhibitorProfile {
    const ref = (name: string | null) => {
      const i = name ? images.get(name) : undefined;
      return i ? { sha256: i.sha256, width: i.width, height: i.height } : null;
    };
    const s = state();
    return {
      id: s.exhibitor_id,
      name_en: edit.name_en,
      name_zh: edit.name_zh,
      country: s.fixed.country,
      pavilion: s.fixed.pavilion,
      booths: s.fixed.booths,
      categories: s.fixed.categories,
      website: edit.website,
      description_en: edit.description_en,
      description_zh: edit.description_zh,
      contact: {
        name_en: edit.contact_name_en,
        name_zh: edit.contact_name_zh,
        title_en: edit.title_en,
        title_zh: edit.title_zh,
        email: edit.email,
        phone: edit.phone,
      },
      products: edit.products.map((p) => ({ ...p, image: ref(p.image) })),
      logo: ref(edit.logo),
      labels: { pavilion: null, categories: [], booths: [] },
    };
  }

  function card(edit: ProfileEdit): CardView {
    const payload = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${edit.contact_name_en ?? edit.name_en}\r\nEND:VCARD\r\n`;
    const long = chars(edit.name_zh) + chars(edit.name_en) + chars(edit.title_en) > 120;
    return {
      exhibitor_id: "E0001",
      fields: {
        name: edit.contact_name_en ?? edit.name_en,
        formatted_name: edit.contact_name_en ?? edit.name_en,
        organisation: edit.name_en,
        title: edit.title_en,
        phone: edit.phone,
        email: edit.email,
        url: edit.website,
        note: long ? null : "Booth N1-A01",
      },
      dropped: long ? ["note", "second_language"] : [],
      shortened: [],
      qr: { size: 41, path: "M4 4h7v7h-7z", version: long ? 13 : 8, payload },
      website: null,
    };
  }

  return {
    async start() {
      await wait();
      return { hub: "http://127.0.0.1:8787", draft_file: "/tmp/draft.sqlite", resumed: null };
    },
    async signIn(hub, code) {
      await wait();
      if (!/^http:\/\/[^/\s]+$/.test(hub.trim()))
        throw fail("bad_address", `"${hub}" is not a hub address; write it as http://HOST:PORT`);
      if (hub.includes("offline") || offline())
        throw fail("unreachable", `the hub at ${hub} cannot be reached: connection refused`);
      if (wrong >= 3) throw fail("slow_down", "Too many wrong codes. Try again in 30 s.");
      if (code.trim() !== FAKE_CODE) {
        wrong += 1;
        throw fail("bad_code", "this access code is not valid");
      }
      wrong = 0;
      signedIn = true;
      if (revision === 0) revision = 1;
      return state();
    },
    async signOut() {
      signedIn = false;
    },
    async save(edit) {
      await wait();
      if (!signedIn) throw fail("signed_out", "sign in first");
      draft = structuredClone(edit);
      revision += 1;
      return revision;
    },
    async chooseImage(role, bytes) {
      await wait();
      if (bytes.length > fakeLimits.image_bytes)
        throw fail(
          "bad_image",
          `This picture cannot be used: the file is ${bytes.length} bytes, more than the 5242880 bytes (5 MiB) allowed.`,
        );
      const png = bytes[0] === 0x89 && bytes[1] === 0x50;
      const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
      if (!png && !jpeg)
        throw fail("bad_image", "This picture cannot be used: not a PNG or JPEG file.");
      const sha256 = sha(bytes);
      const preview: ImagePreview = {
        name: `${sha256}.${role === "logo" || png ? "png" : "jpg"}`,
        sha256,
        role,
        mime: png || role === "logo" ? "image/png" : "image/jpeg",
        width: role === "logo" ? 512 : 1024,
        height: role === "logo" ? 512 : 768,
        bytes: Math.min(bytes.length, 40_000),
      };
      images.set(preview.name, preview);
      return preview;
    },
    async preview(edit) {
      await wait();
      return { profile: profile(edit), card: card(edit), errors: fakeCheck(edit) };
    },
    async submit(edit) {
      await wait();
      const errors = fakeCheck(edit);
      if (errors.length)
        return {
          kind: "refused",
          message: "Some fields need changes before the profile can be sent.",
          fields: errors,
          status: null,
          current_version: null,
        };
      const queued = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      if (offline()) {
        queue.push({ id: queue.length + 1, queued, base_version: 1, edit });
        return {
          kind: "queued",
          message: `The hub cannot be reached. Submission ${queue.length} is kept on this laptop and sent when the hub answers.`,
          fields: [],
          status: null,
          current_version: null,
        };
      }
      flush();
      const status: SubmissionStatus = {
        id: statuses.length + 1,
        base_version: 1,
        state: "pending",
        reason: null,
        submitted: queued,
        decided: null,
      };
      statuses.unshift(status);
      return {
        kind: "submitted",
        message: "Sent for review.",
        fields: [],
        status,
        current_version: null,
      };
    },
    async submissions() {
      await wait();
      if (offline())
        return {
          items: [...statuses],
          queued: queue.map(({ id, queued, base_version }) => ({ id, queued, base_version })),
          offline: "the hub at http://127.0.0.1:8787 cannot be reached",
        };
      flush();
      return { items: [...statuses], queued: [], offline: null };
    },
    imageUrl: (sha256) =>
      `data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E#${sha256}`,
  };
}

/** For development and tests: a rejected submission with the reviewer's reason. */
export function rejectedStatus(id: number, reason: string): SubmissionStatus {
  return {
    id,
    base_version: 1,
    state: "rejected",
    reason,
    submitted: "2026-05-01T09:00:00Z",
    decided: "2026-05-01T10:00:00Z",
  };
}
