// Above every tab of a round imported from a 评审包: whose package it is and that only the own sheet is filled here.
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useLoad } from '../rounds/common/use-load';

export function PackageRoundBanner({ roundId }: { roundId: string }) {
  const t = useT();
  const info = useLoad(() => api['exchange.roundInfo']({ roundId }), [roundId]);
  return (
    <p className="banner" role="status" data-testid="package-round-banner">
      {t('exchange.packageRound.banner', { fingerprint: info.data?.chairFingerprint ?? '…' })}
    </p>
  );
}
