"""Rules about marketing: promotions, coupons, cross-selling and the seller's own channels."""
