import { useText } from '../../i18n';
import { ColorSchemeSwitch } from './ColorSchemeSwitch';
import { GpuStatus } from './GpuStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { Nav } from './Nav';
import { DEFAULT_ROUTE, formatHash, type ParsedRoute } from './route';

export function Header({ current }: { current: ParsedRoute }) {
  const { t } = useText();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <a className="brand" href={formatHash(DEFAULT_ROUTE)}>
          <Logo />
          <span className="brand__name">{t('app.name')}</span>
        </a>
        <Nav current={current} />
        <GpuStatus />
        <div className="app-header__switches">
          <LanguageSwitch />
          <ColorSchemeSwitch />
        </div>
      </div>
    </header>
  );
}
