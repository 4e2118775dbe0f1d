import { CONSENT_TITLES, CONSENT_VERSIONS, isConsentKind } from '@pa/web-data-access';
import { usePageHeading } from '@pa/web-ui';
import { Link, useParams } from 'react-router';
import { LEGAL_TEXTS } from '../legal/legalTexts';
import { versionLabel } from '../legal/versionLabel';

/** The terms, the privacy notice or the SMS notice, readable signed in or not (/legal/:kind). */
export function LegalPage() {
  const heading = usePageHeading();
  const { kind } = useParams();
  if (!isConsentKind(kind))
    return (
      <section className="panel">
        <h1 ref={heading} tabIndex={-1}>
          No such document
        </h1>
        <p>
          See the <Link to="/legal/terms">terms of use</Link> or the{' '}
          <Link to="/legal/privacy">privacy notice</Link>.
        </p>
      </section>
    );
  const text = LEGAL_TEXTS[kind];
  return (
    <article className="panel" aria-labelledby="legal-title" data-testid={`legal-${kind}`}>
      <h1 id="legal-title" ref={heading} tabIndex={-1}>
        {CONSENT_TITLES[kind]}
      </h1>
      <p className="lead">{text.summary}</p>
      <p className="aside">{versionLabel(CONSENT_VERSIONS[kind])}</p>
      {text.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
    </article>
  );
}
