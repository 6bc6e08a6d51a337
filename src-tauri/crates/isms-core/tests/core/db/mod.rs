mod backup;
mod damage;
mod migrate;
mod open;
mod passphrase;
mod write;
