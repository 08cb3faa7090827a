import type { Page } from '@playwright/test';

/** The options page (dashboard): selectors stay here, out of test bodies. */
export class DashboardPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  async open(section = 'packs'): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html#${section}`);
    await this.page.locator('.dashboard').waitFor();
  }

  nav(section: string) {
    return this.page.getByTestId(`nav-${section}`);
  }

  section(section: string) {
    return this.page.getByTestId(`section-${section}`);
  }

  languageSelect() {
    return this.page.getByTestId('ui-language');
  }

  async chooseLanguage(value: 'auto' | 'en' | 'de'): Promise<void> {
    await this.languageSelect().selectOption(value);
  }

  /** Every piece of visible text on the page, one entry per text node. */
  async visibleTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.replace(/\s+/g, ' ').trim();
        const parent = node.parentElement;
        if (!text || !parent) continue;
        if (parent.closest('[data-i18n-exempt]')) continue;
        const style = getComputedStyle(parent);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        if (parent.closest('select') && !(parent instanceof HTMLOptionElement)) continue;
        if (parent instanceof HTMLOptionElement && !parent.selected) continue;
        texts.push(text);
      }
      return texts;
    });
  }
}
