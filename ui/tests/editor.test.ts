// @vitest-environment jsdom
//! The exhibitor editor over the fake editor backend: sign-in errors in plain words, counts
//! against the limits as you type, the "Saved" indicator tied to the save acknowledgement,
//! pictures refused with the media check's words, submit and queue when the hub is away.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { ProfileEdit } from "../src/bindings/ProfileEdit";
import { createFakeEditorBackend, FAKE_CODE } from "../src/backend/editor-fake";
import EditorApp from "../src/editor/EditorApp.svelte";
import { charCount, limitOf, moveProduct, SaveQueue, signInMessage } from "../src/editor/logic";
import { fakeLimits } from "../src/backend/editor-fake";

afterEach(() => cleanup());

const edit = (description: string): ProfileEdit => ({
  name_en: "Acme",
  name_zh: null,
  website: null,
  email: null,
  phone: null,
  contact_name_en: null,
  contact_name_zh: null,
  title_en: null,
  title_zh: null,
  description_en: description,
  description_zh: null,
  logo: null,
  products: [],
});

async function signIn(code = FAKE_CODE) {
  await fireEvent.input(await screen.findByTestId("sign-in-code"), { target: { value: code } });
  const button = screen.getByTestId("sign-in-submit") as HTMLButtonElement;
  await fireEvent.click(button);
  // Answered: the button is back, or the sign-in screen made way for the editor.
  await waitFor(() => expect(button.disabled && button.isConnected).toBe(false));
}

describe("editor logic", () => {
  it("counts characters as Rust does, so Chinese and emoji count one each", () => {
    expect(charCount("重庆")).toBe(2);
    expect(charCount("tea 🍵")).toBe(5);
    expect(charCount(null)).toBe(0);
  });

  it("finds the limit of every field by the name the hub uses", () => {
    expect(limitOf("description_zh", fakeLimits)).toBe(fakeLimits.description);
    expect(limitOf("products.3.name_en", fakeLimits)).toBe(fakeLimits.product_name);
    expect(limitOf("products.0.description_zh", fakeLimits)).toBe(fakeLimits.product_description);
    expect(limitOf("phone", fakeLimits)).toBeNull();
  });

  it("moves a product up and down and never off the list", () => {
    const p = (n: string) => ({ ...edit("").products[0], name_en: n }) as never;
    const list = [p("a"), p("b"), p("c")];
    expect(moveProduct(list, 2, 0).map((x: { name_en: string }) => x.name_en)).toEqual([
      "c",
      "a",
      "b",
    ]);
    expect(moveProduct(list, 0, -1).map((x: { name_en: string }) => x.name_en)).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("says saved only once the newest change is acknowledged", async () => {
    const acks: ((rev: number) => void)[] = [];
    const saved: string[] = [];
    const queue = new SaveQueue(
      (e) =>
        new Promise<number>((resolve) => {
          saved.push(e.description_en ?? "");
          acks.push(resolve);
        }),
    );
    void queue.change(edit("one"));
    void queue.change(edit("two"));
    void queue.change(edit("three"));
    expect(queue.state).toBe("saving");
    acks[0]!(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(queue.state, "the first ack is for an older change").toBe("saving");
    expect(saved, "the newest edit is saved next, the middle one skipped").toEqual([
      "one",
      "three",
    ]);
    acks[1]!(2);
    await waitFor(() => expect(queue.state).toBe("saved"));
    expect(queue.revision).toBe(2);
  });

  it("keeps a failed save and says so instead of saved", async () => {
    let fail = true;
    const queue = new SaveQueue(async () => {
      if (fail) throw { code: "draft", message: "disk full" };
      return 7;
    });
    await queue.change(edit("x"));
    expect(queue.state).toBe("failed");
    expect(queue.error?.message).toBe("disk full");
    fail = false;
    await queue.retry();
    expect(queue.state).toBe("saved");
    expect(queue.revision).toBe(7);
  });

  it("words sign-in errors plainly in both languages, with the seconds to wait", () => {
    const slow = {
      code: "slow_down",
      message: "Too many wrong codes. Try again in 30 s.",
    } as const;
    expect(signInMessage(slow, "en")).toContain("30 seconds");
    expect(signInMessage(slow, "zh")).toContain("30 秒");
    expect(signInMessage({ code: "bad_code", message: "x" }, "en")).toContain("not valid");
    expect(signInMessage({ code: "unreachable", message: "x" }, "zh")).toContain("无法连接");
  });
});

describe("the exhibitor editor", () => {
  it("shows a wrong code, then too many wrong codes, in plain words", async () => {
    render(EditorApp, { props: { backend: createFakeEditorBackend() } });
    await signIn("WRONG");
    const error = await screen.findByTestId("sign-in-error");
    expect(error.dataset.code).toBe("bad_code");
    expect(error.textContent).toContain("not valid");
    await signIn("WRONG");
    await signIn("WRONG");
    await signIn("WRONG");
    await waitFor(() =>
      expect(screen.getByTestId("sign-in-error").textContent).toContain("30 seconds"),
    );
  });

  it("says the hub cannot be reached when it is away", async () => {
    render(EditorApp, {
      props: { backend: createFakeEditorBackend({ offline: () => true }) },
    });
    await signIn();
    const error = await screen.findByTestId("sign-in-error");
    expect(error.dataset.code).toBe("unreachable");
    expect(error.textContent).toContain("cannot be reached");
  });

  it("edits, counts over the limit before submit, saves, previews and submits", async () => {
    render(EditorApp, { props: { backend: createFakeEditorBackend() } });
    await signIn();
    const description = await screen.findByTestId("field-description_en");
    await fireEvent.input(description, { target: { value: "<b>Fresh</b> tea" } });
    await waitFor(() =>
      expect(screen.getByTestId("save-state").dataset.state, "acknowledged").toBe("saved"),
    );
    await waitFor(() =>
      expect(screen.getByTestId("preview-description").textContent).toContain("<b>Fresh</b> tea"),
    );
    expect(
      screen.getByTestId("preview-description").querySelector("b"),
      "text, never HTML",
    ).toBeNull();
    expect(screen.getByTestId("count-description_en").textContent).toContain("16 / 2000");

    await fireEvent.input(description, { target: { value: "x".repeat(2003) } });
    const count = screen.getByTestId("count-description_en");
    expect(count.classList.contains("over")).toBe(true);
    expect(count.textContent).toContain("3 over the limit");
    await waitFor(() =>
      expect(screen.getByTestId("error-description_en").textContent).toContain("limit"),
    );
    await fireEvent.click(screen.getByTestId("submit"));
    const refused = await screen.findByTestId("submit-outcome");
    expect(refused.dataset.kind).toBe("refused");

    await fireEvent.input(description, { target: { value: "Fine again" } });
    await fireEvent.click(screen.getByTestId("submit"));
    await waitFor(() =>
      expect(screen.getByTestId("submit-outcome").dataset.kind).toBe("submitted"),
    );
    await waitFor(() =>
      expect(screen.getAllByTestId("submission")[0]!.dataset.state).toBe("pending"),
    );
    expect(screen.getByTestId("fixed-note").textContent).toContain("organiser");
  });

  it("queues a submission while the hub is away and sends it when it is back", async () => {
    let away = false;
    render(EditorApp, {
      props: { backend: createFakeEditorBackend({ offline: () => away }) },
    });
    await signIn();
    await screen.findByTestId("screen-editor");
    away = true;
    await fireEvent.click(screen.getByTestId("submit"));
    await waitFor(() => expect(screen.getByTestId("submit-outcome").dataset.kind).toBe("queued"));
    expect(screen.getByTestId("submit-outcome").textContent).toContain("kept on this computer");
    await waitFor(() => expect(screen.getAllByTestId("submission-queued").length).toBe(1));
    away = false;
    await fireEvent.click(screen.getByTestId("submissions-refresh"));
    await waitFor(() => expect(screen.queryAllByTestId("submission-queued").length).toBe(0));
    expect(screen.getAllByTestId("submission").length).toBe(1);
  });

  it("refuses a fake PNG with the media check's words next to the logo", async () => {
    render(EditorApp, { props: { backend: createFakeEditorBackend() } });
    await signIn();
    const input = (await screen.findByTestId("logo-file")) as HTMLInputElement;
    const bytes = new TextEncoder().encode("GIF89a not a png");
    const fake = new File([bytes], "logo.png", { type: "image/png" });
    // jsdom's File has no arrayBuffer(); the webview's has.
    Object.defineProperty(fake, "arrayBuffer", { value: async () => bytes.buffer });
    Object.defineProperty(input, "files", { value: [fake] });
    await fireEvent.change(input);
    const error = await screen.findByTestId("logo-error");
    expect(error.dataset.code).toBe("bad_image");
    expect(error.textContent).toContain("not a PNG or JPEG");
  });

  it("adds, reorders and removes products", async () => {
    render(EditorApp, { props: { backend: createFakeEditorBackend() } });
    await signIn();
    await fireEvent.click(await screen.findByTestId("add-product"));
    const names = () =>
      screen
        .getAllByTestId("product")
        .map((p) => (p.querySelector("[data-testid$='.name_en']") as HTMLInputElement).value);
    expect(names()).toEqual(["Mountain green tea", ""]);
    await fireEvent.input(screen.getByTestId("field-products.1.name_en"), {
      target: { value: "Oolong" },
    });
    await fireEvent.click(screen.getAllByTestId("product-up")[1]!);
    expect(names()).toEqual(["Oolong", "Mountain green tea"]);
    await fireEvent.click(screen.getAllByTestId("product-remove")[1]!);
    expect(names()).toEqual(["Oolong"]);
  });

  it("switches the editor's own words to Chinese", async () => {
    render(EditorApp, { props: { backend: createFakeEditorBackend() } });
    await signIn();
    await screen.findByTestId("screen-editor");
    await fireEvent.click(screen.getByTestId("toggle-language"));
    expect(screen.getByTestId("submit").textContent).toContain("提交审核");
    expect(screen.getByTestId("fixed-note").textContent).toContain("主办方");
  });
});
