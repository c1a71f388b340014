// SPDX-License-Identifier: GPL-3.0-or-later
// The sub-density recursion of group-sequential monitoring (Armitage, McPherson & Rowe 1969,
// J R Stat Soc A 132:235), evaluated by the quadrature of Jennison & Turnbull (2000), "Group
// Sequential Methods with Applications to Clinical Trials", chapter 19.2.
//
// The cumulative Z statistic at information fraction t_k is Z_k = S(t_k)/√t_k, where S is a Brownian
// motion with drift θ: S(t_k) − S(t_{k−1}) ~ N(θ·Δ_k, Δ_k), Δ_k = t_k − t_{k−1}. A SequentialDensity
// holds the sub-density of Z_k on the continuation region (lower_j < Z_j < upper_j for j ≤ k), as values
// at quadrature nodes already multiplied by their weights, so that integrals are plain sums.
#pragma once

#include <vector>

namespace evident {

class SequentialDensity {
public:
    /// Density of Z_1 = S(t₁)/√t₁ ~ N(θ√t₁, 1) restricted to (lower, upper); bounds may be ±infinity.
    /// `resolution` is Jennison & Turnbull's r: the grid has about 12r nodes over ±(3 + 4 ln r) around
    /// the mean, clipped to the region.
    static SequentialDensity first(double information, double drift, double lower, double upper,
                                   int resolution);

    /// Density at the next look (information > this look's), restricted to (lower, upper):
    /// g_k(z) = ∫ g_{k−1}(y) · √(t_k/Δ) · φ((z√t_k − y√t_{k−1} − θΔ)/√Δ) dy  (J&T eq. 19.4).
    SequentialDensity next(double information, double lower, double upper, int resolution) const;

    /// P(continue to this look, then Z_next ≥ z) at the next look with the given information
    /// (J&T eq. 19.5, upper tail).
    double exitAbove(double nextInformation, double z) const;
    /// P(continue to this look, then Z_next ≤ z) at the next look.
    double exitBelow(double nextInformation, double z) const;
    /// d/dz of exitAbove (minus the sub-density of Z_next at z); exitBelow's slope is its negative.
    double exitAboveSlope(double nextInformation, double z) const;

    /// Probability of having continued through this look (the integral of the sub-density).
    double mass() const;
    double information() const { return m_information; }
    double drift() const { return m_drift; }
    std::size_t nodeCount() const { return m_nodes.size(); }

private:
    SequentialDensity(double information, double drift)
        : m_information(information)
        , m_drift(drift) {}
    void buildGrid(double lower, double upper, int resolution);
    double exitTail(double nextInformation, double z, double direction) const;

    double m_information = 0;              ///< t of this look
    double m_drift = 0;                    ///< θ, the mean of Z at t = 1
    std::size_t m_uniformFirst = 0;        ///< First node of the evenly spaced central run
    std::size_t m_uniformLast = 0;         ///< Last node of that run (equal to first when there is none)
    std::vector<double> m_nodes;           ///< Z-scale quadrature nodes, increasing
    std::vector<double> m_weights;         ///< Simpson weights of the nodes
    std::vector<double> m_weightedDensity; ///< weight × sub-density at each node
};

} // namespace evident
