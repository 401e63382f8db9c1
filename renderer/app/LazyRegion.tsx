/**
 * A lazily loaded part of the page, kept from taking the whole page down when its code cannot be
 * fetched: in the browser shell the workstation services serve the page's files, so a part first
 * shown while they are down (a restart, a crash) fails to load. It stays empty until the services
 * are reachable again and is then tried again; the rest of the page — the banner that says the
 * services are gone among it — keeps working.
 */
import { Component, lazy, Suspense, type ComponentProps, type ComponentType, type ReactNode } from 'react';
import { useConnectionStore } from '../connection/connectionStore.js';

class RegionBoundary extends Component<{ children: ReactNode; reachable: boolean }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: { reachable: boolean }): void {
    if (this.state.failed && this.props.reachable && !previous.reachable) this.setState({ failed: false });
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

export function LazyRegion({ children }: { children: ReactNode }) {
  const reachable = useConnectionStore((s) => s.servicesReachable);
  return (
    <RegionBoundary reachable={reachable}>
      <Suspense fallback={null}>{children}</Suspense>
    </RegionBoundary>
  );
}

/**
 * React.lazy keeps a failed load for good; this one starts afresh after a failure, so the region's
 * retry (above) fetches the code again instead of repeating the old error.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, as React.lazy takes
export function lazyPart<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): ComponentType<ComponentProps<T>> {
  const fresh = () =>
    lazy(() =>
      load().catch((error: unknown) => {
        current = fresh();
        throw error;
      }),
    );
  let current = fresh();
  return function LazyPart(props: ComponentProps<T>) {
    const Current = current;
    return <Current {...props} />;
  };
}
