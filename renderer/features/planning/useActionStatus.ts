import { useState } from 'react';
import { userMessage } from '../../ui/user-message';

/**
 * The planning's buttons and forms each run one use case and tell how it went in one status
 * line: the sentence the action returns on success, else the error in French.
 */
export function useActionStatus(): {
  message: string | null;
  run: (action: () => Promise<string>, failure: string) => Promise<void>;
} {
  const [message, setMessage] = useState<string | null>(null);
  const run = async (action: () => Promise<string>, failure: string) => {
    setMessage(null);
    try {
      setMessage(await action());
    } catch (e) {
      setMessage(userMessage(e, failure));
    }
  };
  return { message, run };
}
