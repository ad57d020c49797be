// Filling and freeing this origin's localStorage quota, for the specs that test a full storage.

/** Fills the rest of the origin's localStorage with filler keys, down to a few bytes. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 200; i++) {
      try {
        localStorage.setItem(`filler.${i}`, chunk);
      } catch {
        let size = chunk.length;
        while (size > 16) {
          size = Math.floor(size / 2);
          try {
            localStorage.setItem(`filler.${i}.${size}`, chunk.slice(0, size));
          } catch {}
        }
        break;
      }
    }
  });
}

/** Removes what `fillStorage` wrote. */
export async function freeStorage(page) {
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
}
