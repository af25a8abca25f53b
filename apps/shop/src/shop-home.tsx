import { formatFen } from "@nested/domain";

/** Placeholder home page until the shop SPA issue builds the real screens. */
export function ShopHome() {
  return (
    <main>
      <h1>巢状市场</h1>
      <p>山里农户自家的鸡蛋、小米、核桃，直接送到城里信任他们的家庭。</p>
      <p>2011 年的柴鸡蛋：{formatFen(1600)} / 斤</p>
      <p>
        GraphQL: <a href="/shop/graphql">/shop/graphql</a>
      </p>
    </main>
  );
}
