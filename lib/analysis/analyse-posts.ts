/**
 * The background's reading of posts: language (lib/language) and whether a
 * post asks something (./question). Pure, so tests and the CLI share it.
 */
import { detectLanguage } from '../language';
import { isQuestion } from './question';

export interface PostTextInput {
  postKey: string;
  text: string;
}

export interface PostAnalysisResult {
  postKey: string;
  language: string;
  confidence: number;
  isQuestion: boolean;
}

export function analysePosts(posts: readonly PostTextInput[]): PostAnalysisResult[] {
  return posts.map(({ postKey, text }) => {
    const detection = detectLanguage(text);
    return {
      postKey,
      language: detection.language,
      confidence: Math.min(1, Math.max(0, detection.confidence)),
      isQuestion: isQuestion(text),
    };
  });
}
