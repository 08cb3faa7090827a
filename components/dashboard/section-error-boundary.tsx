import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';
import { useTranslation } from 'react-i18next';

function SectionError({ error }: { error: unknown }) {
  const { t } = useTranslation('common');
  return (
    <div className="notice notice-danger" role="alert" data-testid="section-error">
      <p>{t('error', { message: error instanceof Error ? error.message : String(error) })}</p>
    </div>
  );
}

/**
 * Shows a section's failure in place of the section. Live queries
 * (`useLiveQuery`) throw a failed read while rendering, so without this one
 * broken read would blank the whole dashboard; the other sections stay usable.
 */
export class SectionErrorBoundary extends Component<
  { children: ReactNode },
  { error: unknown; failed: boolean }
> {
  override state = { error: undefined as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Dashboard section failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <SectionError error={this.state.error} /> : this.props.children;
  }
}
