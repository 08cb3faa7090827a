/**
 * Holds the port client for the bound tab: a new client when the tab
 * changes, a fresh connection when the tab navigated, and the latest
 * snapshot. `onSelect` is called when the advisor pressed a post's marker
 * on the page (the latest callback, whatever render it came from).
 */
import { useEffect, useRef, useState } from 'react';
import type { ConnectionState, ConnectPort, PortClient, Snapshot } from './port-client';
import { createPortClient } from './port-client';

export interface Connection {
  state: ConnectionState;
  snapshot: Snapshot | null;
  client: PortClient | null;
}

export function useConnection(
  tabId: number | null,
  navigations: number,
  connect: ConnectPort,
  onSelect: (postKey: string, commentKey?: string) => void,
): Connection {
  const [client, setClient] = useState<PortClient | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const selectRef = useRef(onSelect);
  useEffect(() => {
    selectRef.current = onSelect;
  });

  useEffect(() => {
    if (tabId === null) return;
    const created = createPortClient(tabId, connect, {
      onState: setState,
      onSnapshot: setSnapshot,
      onSelect: (postKey, commentKey) => selectRef.current(postKey, commentKey),
    });
    setClient(created);
    return () => {
      created.close();
      setClient(null);
      setSnapshot(null);
      setState('connecting');
    };
  }, [tabId, connect]);

  useEffect(() => {
    // Only a navigation of the bound tab reconnects; a new client connects by itself.
    if (navigations > 0) client?.reconnect();
  }, [navigations]);

  return { state, snapshot, client };
}
