// Layout at desktop and phone widths: server-rendered CSS only, so no test waits for hydration.
import { test, expect } from "./support.mjs";

/** Opens every filter drawer that is a drawer at this width (its summary shows); a plain <details>. */
async function openDrawers(page) {
  for (const summary of await page.locator(".filter-drawer > summary").all()) {
    if (await summary.isVisible()) await summary.click();
  }
}

/**
 * The form controls of `main` that stick out of their container (closest fieldset, .field or form) or
 * into the results card beside them, one line each.
 */
async function misplacedControls(page, results) {
  return page.evaluate((resultsSelector) => {
    const card = document.querySelector(resultsSelector).getBoundingClientRect();
    const found = [];
    for (const el of document.querySelectorAll("main :is(input, select, textarea, button)")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.labels?.[0] ?? el).textContent.trim().slice(0, 30)}"`;
      // The container: the closest fieldset, field or form that has a box of its own (not `display: contents`).
      let container = el.parentElement.closest("fieldset, .field, form");
      while (container && getComputedStyle(container).display === "contents") {
        container = container.parentElement.closest("fieldset, .field, form");
      }
      const limit = (container ?? el.closest("main")).getBoundingClientRect().right;
      if (box.right > limit + 0.5) found.push(`${name}: right edge ${box.right} beyond its container's ${limit}`);
      // Beside the results (same height on the page), a control of the filter column ends before them.
      const beside = box.bottom > card.top && box.top < card.bottom;
      if (!el.closest(resultsSelector) && beside && box.right > card.left && box.left < card.right) {
        found.push(`${name}: ${box.left}–${box.right} runs into the results at ${card.left}`);
      }
    }
    return found;
  }, results);
}

for (const [width, height] of [[1366, 900], [1024, 768]]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    for (const [path, results] of [["/jobs", ".results"], ["/gehalt", ".salary-results"]]) {
      test(`every form control of ${path} fits its container and stays out of the results`, async ({ page }) => {
        await page.goto(path);
        await openDrawers(page);
        expect(await misplacedControls(page, results)).toEqual([]);
        // Still so with a much longer profession and filter option than today's (a select shrinks).
        await page.evaluate(() => {
          const select = document.querySelector("main select[name=profession]");
          select.add(new Option("Mediengestalter/in Bild und Ton mit Schwerpunkt Veranstaltungstechnik (1234)", "x", true, true));
          const label = document.querySelector("main .options label");
          label.firstChild.textContent = "Öffentlich-rechtliche Rundfunkanstalten und Landesmedienanstalten ";
        });
        expect(await misplacedControls(page, results)).toEqual([]);
      });
    }
  });
}

/** The header row's children that take part in the row (the bottom bar is fixed, out of the row). */
async function headerRow(page) {
  return page.evaluate(() => {
    const row = document.querySelector(".site-header .header-row");
    const children = [...row.children]
      .filter((c) => c.getBoundingClientRect().height > 0 && getComputedStyle(c).position !== "fixed")
      .map((c) => { const b = c.getBoundingClientRect(); return { name: c.className, top: b.top, bottom: b.bottom }; });
    return { height: row.getBoundingClientRect().height, children };
  });
}

for (const [width, height] of [[390, 844], [320, 640]]) {
  test.describe(`on a phone, ${width} px wide`, () => {
    test.use({ viewport: { width, height } });

    test("the header is one row: brand on the left, tools on the right", async ({ page }) => {
      await page.goto("/jobs");
      const { height: rowHeight, children } = await headerRow(page);
      expect(children.map((c) => c.name)).toEqual(["brand", "header-tools"]);
      for (const a of children) {
        for (const b of children) expect(a.top < b.bottom && b.top < a.bottom, `${a.name} beside ${b.name}`).toBe(true);
      }
      expect(rowHeight).toBeLessThan(72);
    });

    for (const [path, current] of [["/jobs", "Jobs"], ["/merkliste", "Merkliste"]]) {
      test(`on ${path} the navigation is a bar at the bottom with ${current} marked`, async ({ page }) => {
        await page.goto(path);
        const bar = page.locator("nav.main-nav");
        await expect(bar).toBeVisible();
        expect(await bar.evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
        const box = await bar.boundingBox();
        expect(Math.abs(box.y + box.height - height)).toBeLessThanOrEqual(1);
        const links = bar.locator("a:visible");
        await expect(links).toHaveText(["Jobs", "Gehalt", "Merkliste", "Konto"]);
        await expect(bar.locator("a[aria-current=page]")).toHaveText(current);
        // Evenly spaced, each a comfortable touch target.
        const boxes = await Promise.all((await links.all()).map((l) => l.boundingBox()));
        for (const b of boxes) {
          expect(b.height).toBeGreaterThanOrEqual(44);
          expect(Math.abs(b.width - boxes[0].width)).toBeLessThanOrEqual(1);
        }
      });

      test(`on ${path}, scrolled to the very end, the bar hides nothing of the page`, async ({ page }) => {
        await page.goto(path);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const hidden = await page.evaluate(() => {
          const barTop = document.querySelector("nav.main-nav").getBoundingClientRect().top;
          const footer = document.querySelector(".site-footer .footer-row");
          const last = [document.querySelector("main"), footer, footer.lastElementChild, ...footer.querySelectorAll("a")];
          return last.map((el) => ({ el: el.tagName + (el.textContent.trim().slice(0, 20)), bottom: el.getBoundingClientRect().bottom }))
            .filter((x) => x.bottom > barTop + 0.5).map((x) => `${x.el} ends at ${x.bottom}, the bar starts at ${barTop}`);
        });
        expect(hidden).toEqual([]);
      });
    }
  });
}

test.describe("on a phone without JavaScript", () => {
  test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

  // The space is the stylesheet's from the first paint: nothing shifts when scripts run.
  test("the bar's space is reserved by the stylesheet alone", async ({ page }) => {
    await page.goto("/jobs");
    const { reserved, bar } = await page.evaluate(() => ({
      reserved: parseFloat(getComputedStyle(document.body).paddingBottom),
      bar: document.querySelector("nav.main-nav").getBoundingClientRect().height,
    }));
    expect(reserved).toBeGreaterThanOrEqual(bar - 1);
  });
});

test.describe("on a desktop, 1366 px wide", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("the navigation stays in the header row, not fixed, with all five links", async ({ page }) => {
    await page.goto("/gehalt");
    const nav = page.locator(".site-header .header-row > nav.main-nav");
    expect(await nav.evaluate((el) => getComputedStyle(el).position)).not.toBe("fixed");
    const row = await page.locator(".site-header .header-row").boundingBox();
    const box = await nav.boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(row.y);
    expect(box.y + box.height).toBeLessThanOrEqual(row.y + row.height);
    await expect(nav.locator("a:visible")).toHaveText(["Jobs", "Gehalt", "Berufsinfo", "Merkliste", "Konto"]);
    await expect(nav.locator("a[aria-current=page]")).toHaveText("Gehalt");
  });
});
