// jstat ships no types; this declares the part of its API that peerguard uses.
declare module "jstat" {
  interface JStatApi {
    normal: {
      cdf(x: number, mean: number, sd: number): number;
      inv(p: number, mean: number, sd: number): number;
    };
    hypgeom: {
      /** P(X = k) drawing n items from a population of N holding m successes. */
      pdf(k: number, N: number, m: number, n: number): number;
    };
  }
  const jstat: { jStat: JStatApi };
  export default jstat;
}
