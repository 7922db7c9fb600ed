import type { DraftLanguage } from '@vigil/contracts';

export interface ClaimReviewInput {
  /** The claim answered: the case's claim summary, else its title. */
  claim: string;
  language: DraftLanguage;
  /** Where the claim first appeared: the earliest linked item; null when the case links none. */
  firstAppearance: { url: string; publishedAt: string | null } | null;
  officeName: string;
  publication: { url: string; publishedAt: string };
  headline: string;
}

/** A rebuttal answers a false claim: the verdict as schema.org reviewRating, in the draft's language. */
const VERDICT: Record<DraftLanguage, string> = { vi: 'Sai sự thật', en: 'False' };

/**
 * schema.org ClaimReview for a published rebuttal, the markup search engines and fact-check aggregators read
 * (https://schema.org/ClaimReview): the claim, the verdict, where the claim appeared, who reviewed it and where.
 */
export function claimReviewJsonLd(input: ClaimReviewInput): Record<string, unknown> {
  const appearance = input.firstAppearance
    ? { url: input.firstAppearance.url, ...(input.firstAppearance.publishedAt ? { datePublished: input.firstAppearance.publishedAt } : {}) }
    : {};
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: input.publication.url,
    headline: input.headline,
    inLanguage: input.language,
    datePublished: input.publication.publishedAt,
    author: { '@type': 'Organization', name: input.officeName },
    claimReviewed: input.claim,
    itemReviewed: { '@type': 'CreativeWork', ...appearance },
    reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: VERDICT[input.language] },
  };
}
