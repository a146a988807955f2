// A stub: the posts feature (written in another branch) replaces this file with the real grid.
// The profile route renders it under the header; the stub only keeps that branch building.

/** A user's posts as a grid of photos. */
export function UserPostsGrid({ userId }: { userId: string }) {
  return <div className="user-posts-grid" data-testid="user-posts-grid" data-user-id={userId} />;
}
